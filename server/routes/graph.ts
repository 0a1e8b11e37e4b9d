import { Router } from 'express';
import { BadRequestError } from '../errors';
import type { Database } from '../neo4j';
import { getStartView, getSubgraph, SUBGRAPH_MAX_IDS } from '../services/graph';
import { elementIdList, integerParameter } from './params';

export function graphRoutes(database: Database): Router {
  const router = Router();
  /** GET /api/graph/start?limit=: the most connected nodes and the relationships among them. */
  router.get('/graph/start', async (request, response) => {
    const limit = integerParameter(request.query.limit, 'limit', { min: 1, max: 500, fallback: 50 });
    response.json(await getStartView(database, limit));
  });
  /** POST /api/graph/subgraph {ids, focus?}: nodes by id and the relationships joining them. */
  router.post('/graph/subgraph', async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ids = elementIdList(body.ids, 'ids', SUBGRAPH_MAX_IDS);
    if (ids === undefined) throw new BadRequestError("The body needs 'ids': a list of node elementIds, as JSON ({\"ids\": [...]}).");
    const focus = elementIdList(body.focus, 'focus', SUBGRAPH_MAX_IDS) ?? ids;
    response.json(await getSubgraph(database, ids, focus));
  });
  return router;
}
