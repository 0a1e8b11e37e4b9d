/**
 * createApp(deps) builds the Express app without listening: the API under /api, and the built UI
 * (client/dist) on the same port. Tests start it on port 0.
 */
import express, { type Express } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONSOLE_LIMITS, type Config, type ConsoleLimits, type Deployment } from './config';
import { NotFoundError } from './errors';
import { jsonBodiesOnly } from './http/body';
import { allowedHosts as allowedHostRules, hostGuard, type AllowedHosts } from './http/hosts';
import { silentLogger, type Logger } from './http/logger';
import { rateLimit, type RateLimit } from './http/rate-limit';
import { requestContext } from './http/request-context';
import { securityHeaders } from './http/security';
import { writeAccess } from './http/write-access';
import type { Database } from './neo4j';
import { apiNotFound, problemMiddleware } from './problem';
import { changeRoutes } from './routes/changes';
import { consoleRoutes } from './routes/console';
import { exploreRoutes } from './routes/explore';
import { extractRoutes } from './routes/extract';
import { graphRoutes } from './routes/graph';
import { healthRoutes } from './routes/health';
import { ConsoleWatchdog } from './services/console-watchdog';

export interface AppDeps {
  database: Database;
  apiVersion: string;
  /** The built UI to serve; omitted, only the API is served. */
  clientDir?: string;
  /** The Cypher console's limits (the configuration's, or the defaults). */
  consoleLimits?: ConsoleLimits;
  /** Console queries allowed per client; null: no limit. */
  consoleRate?: RateLimit | null;
  /** Express's "trust proxy" (whose X-Forwarded-For names the client). */
  trustProxy?: boolean | number | string;
  logger?: Logger;
  /**
   * The hosts it answers for (DNS rebinding): rules, or the ALLOWED_HOSTS form (`name[:port]`
   * entries, `*` for any). Omitted: the loopback names on any port (what tests on port 0 need).
   */
  allowedHosts?: AllowedHosts | readonly string[];
  /** `public`: no source maps, no Neo4j address or version in health, HSTS. Omitted: `local`. */
  deployment?: Deployment;
  /** Looks for console transactions that ignore termination (server/services/console-watchdog.ts). */
  consoleWatchdog?: ConsoleWatchdog;
  /**
   * The address the server listens on (HOST): the change API accepts writes only when it is a
   * loopback one (and the request comes from loopback, in a local deployment). Omitted: no writes.
   */
  listenHost?: string;
}

export const DEFAULT_CONSOLE_RATE: RateLimit = { perMinute: 120, burst: 20 };

/**
 * The deps that come from the configuration (what `npm start` and `npm run dev` pass). `ports`: the
 * ports browsers reach the app on (default PORT; `npm run dev` adds Vite's).
 */
export function configuredDeps(
  config: Config,
  logger: Logger,
  ports: readonly number[] = [config.port],
): Pick<AppDeps, 'consoleLimits' | 'consoleRate' | 'trustProxy' | 'logger' | 'allowedHosts' | 'deployment' | 'listenHost'> {
  return {
    consoleLimits: config.console,
    consoleRate: config.consoleRate.perMinute > 0 ? config.consoleRate : null,
    trustProxy: config.trustProxy,
    logger,
    allowedHosts: allowedHostRules({ listenHost: config.host, ports, configured: config.http.allowedHosts }),
    deployment: config.deployment,
    listenHost: config.host,
  };
}

function hostRules(given: AppDeps['allowedHosts']): AllowedHosts {
  if (given === undefined) return allowedHostRules({});
  if (given === 'any') return 'any';
  if (given.every((entry): entry is string => typeof entry === 'string')) return allowedHostRules({ configured: given });
  return given as AllowedHosts;
}

/**
 * The console watchdog of a server: restarts the local Neo4j through `restart` (its supervisor's),
 * or, on an external Neo4j (no `restart`), reports the stuck transaction and refuses its client.
 */
export function createConsoleWatchdog(database: Database, config: Config, logger: Logger, restart?: (reason: string) => Promise<void>): ConsoleWatchdog {
  return new ConsoleWatchdog(database, { timeoutMs: config.console.timeoutMs, ...config.consoleWatchdog, logger, restart });
}

export function createApp({
  database,
  apiVersion,
  clientDir,
  consoleLimits = DEFAULT_CONSOLE_LIMITS,
  consoleRate = DEFAULT_CONSOLE_RATE,
  trustProxy = false,
  logger = silentLogger,
  allowedHosts,
  deployment = 'local',
  consoleWatchdog,
  listenHost,
}: AppDeps): Express {
  const app = express();
  const isPublic = deployment === 'public';
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(requestContext(logger));
  app.use(securityHeaders({ hsts: isPublic }));
  // Before any route or file: a foreign Host (DNS rebinding) or a foreign page's POST gets nothing.
  app.use(hostGuard(hostRules(allowedHosts)));
  // API answers are live data: no ETag hashing of every body (the static UI keeps its own caching).
  app.set('etag', false);
  app.set('query parser', 'simple');
  const api = express.Router();
  api.use(jsonBodiesOnly);
  // Articles may be larger than other bodies; the route parses its own (its word limit says how large).
  api.use(extractRoutes(database));
  api.use(express.json({ limit: '1mb' }));
  if (consoleRate && consoleRate.perMinute > 0) api.post('/query', rateLimit(consoleRate, 'console queries'));
  api.use(healthRoutes(database, apiVersion, { details: !isPublic, consoleWatchdog }));
  api.use(graphRoutes(database));
  api.use(exploreRoutes(database));
  api.use(consoleRoutes(database, consoleLimits, consoleWatchdog));
  api.use(changeRoutes(database, writeAccess({ listenHost, deployment })));
  api.use(apiNotFound);
  app.use('/api', api);

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    // A public deployment does not hand out the UI's sources (the build keeps them for local use).
    if (isPublic) {
      app.use((request, _response, next) => {
        next(/\.map$/i.test(decodedPath(request.path)) ? new NotFoundError('Source maps are not served by a public deployment (DEPLOYMENT=public).') : undefined);
      });
    }
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForPages }));
    app.get('/{*path}', (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(path.join(clientDir, 'index.html'));
    });
  }

  app.use(problemMiddleware);
  return app;
}

/** The path as the static files read it (`.m%61p` is `.map`); a malformed one is left for them to refuse. */
function decodedPath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function noCacheForPages(response: express.Response, file: string): void {
  if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
