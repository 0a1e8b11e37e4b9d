/**
 * For a browser test file: the built UI served by the app on the run's Neo4j holding the default
 * dataset (plus whatever `prepare` adds), and Debian's Chromium; set up before the file's tests and
 * closed after them.
 */
import type { Browser } from 'playwright-core';
import { buildClientIfNeeded, CLIENT_DIST } from '../../server/cli/client-build';
import type { Database } from '../../server/neo4j';
import { launchBrowser } from './browser';
import { loadSeed, openDatabase } from './database';
import { startApp, type RunningApp } from './http';

export function useBrowserApp(prepare?: (database: Database) => Promise<void>): { readonly database: Database; readonly app: RunningApp; readonly browser: Browser } {
  const context = {} as { database: Database; app: RunningApp; browser: Browser };
  beforeAll(async () => {
    await buildClientIfNeeded(() => undefined);
    context.database = openDatabase();
    await loadSeed(context.database);
    await prepare?.(context.database);
    context.app = await startApp(context.database, CLIENT_DIST);
    context.browser = await launchBrowser();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}
