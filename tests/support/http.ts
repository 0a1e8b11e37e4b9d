/** Starts the app on port 0 over real HTTP, for API tests. */
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from '../../server/app';
import { listen } from '../../server/http/listen';
import type { Database } from '../../server/neo4j';
import { loadSeed, openDatabase } from './database';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/**
 * The app as `npm start` builds it, but with no rate limit on the console unless `deps` sets one
 * (test files run dozens of queries a second from one address).
 */
export async function startApp(database: Database, clientDir?: string, deps: Partial<AppDeps> = {}): Promise<RunningApp> {
  const app = createApp({ database, apiVersion: 'test', clientDir, consoleRate: null, listenHost: '127.0.0.1', ...deps });
  const server = await listen(app, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a test file: the run's Neo4j holding the default dataset, and the app on it over HTTP,
 * set up before the file's tests and closed after them.
 */
export function useSeededApp(): { readonly database: Database; readonly app: RunningApp } {
  const context = {} as { database: Database; app: RunningApp };
  beforeAll(async () => {
    context.database = openDatabase();
    await loadSeed(context.database);
    context.app = await startApp(context.database);
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}
