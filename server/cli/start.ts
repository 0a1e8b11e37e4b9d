/**
 * `npm start`: the local Neo4j (unless NEO4J_URI is set) with its schema and the seed data when it is
 * empty, the UI built if needed, and API + UI served on one port. A NEO4J_URI database is only read:
 * nothing is applied or loaded there. Ctrl-C stops everything it started.
 */
import type { Server } from 'node:http';
import { configuredDeps, createApp } from '../app';
import { createLogger } from '../http/logger';
import { ConfigError, loadConfig } from '../config';
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
  let server: Server | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping Fingraph...`);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
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
    const app = createApp({ database: backend.database, apiVersion: API_VERSION, clientDir: CLIENT_DIST, ...configuredDeps(config, logger) });
    server = await listen(app, config.port, config.host);
  } catch (error) {
    await backend.shutdown();
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log(`\nFingraph ${API_VERSION} is ready in ${((Date.now() - began) / 1000).toFixed(1)} s: http://${shownHost}:${config.port}/  (Ctrl-C stops it)`);
});

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new ConfigError(`Port ${port} on ${host} is already in use. Stop the program using it, or start Fingraph on another port: PORT=3001 npm start`));
      } else {
        reject(error);
      }
    });
  });
}
