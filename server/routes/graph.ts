import { Router } from 'express';
import type { Database } from '../neo4j';
import { getStartView } from '../services/graph';
import { integerParameter } from './params';

export function graphRoutes(database: Database): Router {
  const router = Router();
  /** GET /api/graph/start?limit=: the most connected nodes and the relationships among them. */
  router.get('/graph/start', async (request, response) => {
    const limit = integerParameter(request.query.limit, 'limit', { min: 1, max: 500, fallback: 50 });
    response.json(await getStartView(database, limit));
  });
  return router;
}
