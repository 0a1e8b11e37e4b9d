/**
 * `npm start`: the local Neo4j (unless NEO4J_URI is set) with its schema and the seed data when it is
 * empty, the UI built if needed, and API + UI served on one port. A NEO4J_URI database is only read:
 * nothing is applied or loaded there. Ctrl-C stops everything it started.
 */
import type { Server } from 'node:http';
import { configuredDeps, createApp, createConsoleWatchdog } from '../app';
import { isWildcardAddress } from '../http/hosts';
import { listen } from '../http/listen';
import { createLogger } from '../http/logger';
import { loadConfig } from '../config';
import { warmUp } from '../services/warm-up';
import { API_VERSION } from '../version';
import { bootBackend } from './boot';
import { buildClientIfNeeded, CLIENT_DIST } from './client-build';
import { runMain } from './main';
import { prepareDatabase } from './prepare';

const log = (line: string): void => console.log(line);

runMain(async () => {
  const began = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A bug in one request's handling must not take the server down for everyone: logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const backend = await bootBackend(config, log, { waitForNeo4j: true });
  const supervisor = backend.supervisor;
  const watchdog = createConsoleWatchdog(backend.database, config, logger, supervisor ? (reason) => supervisor.restart(reason, { deliberate: true }) : undefined);
  let server: Server | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping Fingraph...`);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
    watchdog.close();
    await backend.shutdown();
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    // The local Neo4j (always answering by now) gets the schema and seed first; an external one is
    // left as it is, and one line says so.
    await prepareDatabase(backend.database, log, { external: config.externalNeo4j });
    await buildClientIfNeeded(log);
    const app = createApp({ database: backend.database, apiVersion: API_VERSION, clientDir: CLIENT_DIST, ...configuredDeps(config, logger), consoleWatchdog: watchdog });
    server = await listen(app, config.port, config.host, config.http);
  } catch (error) {
    await backend.shutdown();
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  if (isWildcardAddress(config.host) && !config.http.allowedHosts) {
    log(`Listening on every address (HOST=${config.host}), but answering only for localhost: set ALLOWED_HOSTS to this server's names (comma-separated, e.g. ALLOWED_HOSTS=fingraph.example.com,10.0.0.5:${config.port}); other Host headers get 421.`);
  }
  log(`\nFingraph ${API_VERSION} is ready in ${((Date.now() - began) / 1000).toFixed(1)} s: http://${shownHost}:${config.port}/  (Ctrl-C stops it)`);
  // The first page load's reads, once, so that its user does not wait for a cold Neo4j (see warm-up.ts).
  void backend.ready
    .then(() => warmUp(backend.database))
    .then((warmed) => {
      if (warmed.failed) logger.warn({ ms: warmed.ms, reason: warmed.failed }, 'warm-up read failed (the page will say why if it persists)');
      else logger.info({ ms: warmed.ms }, 'warmed up: schema, start view and a search read once');
    })
    // (A Neo4j that never comes is reported by the requests themselves.)
    .catch(() => undefined);
});
