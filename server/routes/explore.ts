/** The graph API the explorer stands on: schema, search, nodes, neighbours, relationships, paths. */
import { Router } from 'express';
import type { Database } from '../neo4j';
import { findPaths } from '../services/paths';
import { getRelationship } from '../services/relationships';
import { getNeighbors, getNode } from '../services/nodes';
import { getSchema, publicSchema } from '../services/schema-info';
import { search } from '../services/search';
import { BadRequestError } from '../errors';
import { elementIdParameter, enumParameter, integerParameter, listParameter, textParameter } from './params';
import { MAX_SEARCH_LENGTH, searchTooLong } from '../contract/limits';
import { PATH_DIRECTIONS } from '../contract';

export function exploreRoutes(database: Database): Router {
  const router = Router();

  router.get('/schema', async (_request, response) => {
    response.json(publicSchema(await getSchema(database, { current: true })));
  });

  router.get('/search', async (request, response) => {
    if (typeof request.query.q === 'string' && request.query.q.length > MAX_SEARCH_LENGTH) throw new BadRequestError(searchTooLong(request.query.q.length));
    const q = textParameter(request.query.q, 'q', MAX_SEARCH_LENGTH);
    if (q === undefined || q.trim() === '') throw new BadRequestError("Parameter 'q' is required: the text to search for in names and aliases.");
    const label = textParameter(request.query.label, 'label', 200);
    const limit = integerParameter(request.query.limit, 'limit', { min: 1, max: 100, fallback: 10 });
    response.json(await search(database, q, { label, limit }));
  });

  router.get('/nodes/:id', async (request, response) => {
    response.json(await getNode(database, elementIdParameter(request.params.id, 'id')));
  });

  router.get('/nodes/:id/neighbors', async (request, response) => {
    const id = elementIdParameter(request.params.id, 'id');
    response.json(
      await getNeighbors(database, id, {
        type: textParameter(request.query.type, 'type', 200),
        direction: enumParameter(request.query.direction, 'direction', ['out', 'in', 'both'] as const, 'both'),
        label: textParameter(request.query.label, 'label', 200),
        limit: integerParameter(request.query.limit, 'limit', { min: 1, max: 500, fallback: 25 }),
        cursor: textParameter(request.query.cursor, 'cursor', 200),
      }),
    );
  });

  router.get('/relationships/:id', async (request, response) => {
    response.json(await getRelationship(database, elementIdParameter(request.params.id, 'id')));
  });

  router.get('/paths', async (request, response) => {
    response.json(
      await findPaths(database, {
        from: elementIdParameter(request.query.from, 'from'),
        to: elementIdParameter(request.query.to, 'to'),
        maxHops: integerParameter(request.query.maxHops, 'maxHops', { min: 1, max: 10, fallback: 4 }),
        types: listParameter(request.query.types, 'types'),
        direction: enumParameter(request.query.direction, 'direction', PATH_DIRECTIONS, 'both'),
      }),
    );
  });

  return router;
}
