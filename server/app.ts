/**
 * createApp(deps) builds the Express app without listening: the API under /api, and the built UI
 * (client/dist) on the same port. Tests start it on port 0.
 */
import express, { type Express } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from './config';
import type { Database } from './neo4j';
import { apiNotFound, problemMiddleware } from './problem';
import { consoleRoutes } from './routes/console';
import { exploreRoutes } from './routes/explore';
import { graphRoutes } from './routes/graph';
import { healthRoutes } from './routes/health';

export interface AppDeps {
  database: Database;
  apiVersion: string;
  /** The built UI to serve; omitted, only the API is served. */
  clientDir?: string;
  /** The Cypher console's limits (the configuration's, or the defaults). */
  consoleLimits?: ConsoleLimits;
}

export function createApp({ database, apiVersion, clientDir, consoleLimits = DEFAULT_CONSOLE_LIMITS }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are live data: no ETag hashing of every body (the static UI keeps its own caching).
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  api.use(healthRoutes(database, apiVersion));
  api.use(graphRoutes(database));
  api.use(exploreRoutes(database));
  api.use(consoleRoutes(database, consoleLimits));
  api.use(apiNotFound);
  app.use('/api', api);

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForPages }));
    app.get('/{*path}', (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(path.join(clientDir, 'index.html'));
    });
  }

  app.use(problemMiddleware);
  return app;
}

function noCacheForPages(response: express.Response, file: string): void {
  if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
