import { Router } from 'express';
import type { Database } from '../neo4j';
import type { ConsoleWatchdog } from '../services/console-watchdog';
import { getHealth } from '../services/health';

/** GET /api/health: 200 when Neo4j answers, 503 (same body) when it does not. */
export function healthRoutes(database: Database, apiVersion: string, options: { details: boolean; consoleWatchdog?: ConsoleWatchdog } = { details: true }): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    const report = await getHealth(database, apiVersion, options);
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
