/**
 * `npm run dev`: the API on PORT+1 and Vite's dev server (hot reload) on PORT, proxying /api to it.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { configuredDeps, createApp, createConsoleWatchdog } from '../app';
import { parseHost } from '../http/hosts';
import { listen } from '../http/listen';
import { createLogger } from '../http/logger';
import { loadConfig } from '../config';
import { API_VERSION } from '../version';
import { bootBackend } from './boot';
import { CLIENT_DIR } from './client-build';
import { runMain } from './main';
import { prepareDatabase } from './prepare';

const log = (line: string): void => console.log(line);

runMain(async () => {
  const config = loadConfig();
  const backend = await bootBackend(config, log);
  let api: Server | undefined;
  let closeVite: () => Promise<void> = async () => {};
  const stop = async (): Promise<void> => {
    await closeVite();
    api?.close();
    await backend.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  try {
    await prepareDatabase(backend.database, log, { external: config.externalNeo4j });
    const apiPort = config.port + 1;
    const logger = createLogger(config.logLevel);
    const supervisor = backend.supervisor;
    const consoleWatchdog = createConsoleWatchdog(backend.database, config, logger, supervisor ? (reason) => supervisor.restart(reason, { deliberate: true }) : undefined);
    // Browsers reach the API through Vite's proxy on PORT (it keeps their Host), or directly on PORT+1.
    const app = createApp({ database: backend.database, apiVersion: API_VERSION, ...configuredDeps(config, logger, [config.port, apiPort]), consoleWatchdog });
    api = await listen(app, apiPort, config.host, config.http);
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.join(CLIENT_DIR, 'vite.config.mts'),
      server: {
        port: config.port,
        host: config.host,
        strictPort: true,
        // The browser's Host goes through unchanged, so that the API's same-origin check sees the page's origin.
        proxy: { '/api': { target: `http://${config.host}:${apiPort}`, changeOrigin: false } },
        // Vite's own Host check, with the same ALLOWED_HOSTS (it allows localhost and IP addresses itself).
        allowedHosts: config.http.allowedHosts?.includes('*') ? true : (config.http.allowedHosts ?? []).map((entry) => parseHost(entry)?.hostname ?? entry),
      },
    });
    closeVite = () => vite.close();
    await vite.listen();
    log(`\nFingraph dev server: http://${config.host}:${config.port}/ (hot reload; API on port ${apiPort}). Ctrl-C stops it.`);
  } catch (error) {
    await backend.shutdown();
    throw error;
  }
});
