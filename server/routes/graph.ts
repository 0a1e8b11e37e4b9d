import { Router } from 'express';
import { BadRequestError } from '../errors';
import type { Database } from '../neo4j';
import { getStartView, getSubgraph, SUBGRAPH_MAX_IDS } from '../services/graph';
import { elementIdList, integerParameter, textParameter } from './params';

/** A body's `keys`: elementId → stable key, for ids of the request only. */
function keyMap(raw: unknown, ids: string[]): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new BadRequestError("'keys' must be a JSON object from node elementIds to their stable keys ({\"4:…:12\": \"tencent\"}).");
  const known = new Set(ids);
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > SUBGRAPH_MAX_IDS) throw new BadRequestError(`'keys' gives ${entries.length} keys; at most ${SUBGRAPH_MAX_IDS} are allowed.`);
  const keys: Record<string, string> = {};
  for (const [id, key] of entries) {
    if (!known.has(id)) throw new BadRequestError(`'keys' names '${id.slice(0, 100)}', which is not in 'ids': give a key only for an id of the view.`);
    const text = textParameter(key, `keys.${id}`, 200);
    if (text !== undefined) keys[id] = text;
  }
  return keys;
}

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
    response.json(await getSubgraph(database, ids, focus, keyMap(body.keys, ids)));
  });
  return router;
}
