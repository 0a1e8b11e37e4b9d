/**
 * The API alone as its own process for `npm run bench:load`: createApp + listen on the configured
 * Neo4j, nothing prepared or seeded. Reports its memory to the parent once a second (IPC).
 */
import { configuredDeps, createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/http/logger';
import { Database, loadQueries } from '../../server/neo4j';
import { API_VERSION } from '../../server/version';

const config = loadConfig();
const database = Database.create(config.neo4j, loadQueries(), { queryTimeoutMs: config.queryTimeoutMs, userAgent: 'fingraph-load', maxConcurrent: config.maxConcurrent, queueTimeoutMs: config.queueTimeoutMs });
const server = createApp({ database, apiVersion: API_VERSION, ...configuredDeps(config, createLogger(config.logLevel)) }).listen(config.port, config.host, () => {
  process.send?.({ ready: true });
});
// Once a second: RSS and the heap in use; every 5 s after a full collection (--expose-gc), what the
// heap retains, which is what grows when memory leaks.
let tick = 0;
const collect = (globalThis as { gc?: () => void }).gc;
setInterval(() => {
  tick += 1;
  const retained = collect && tick % 5 === 0 ? (collect(), process.memoryUsage().heapUsed) : undefined;
  const memory = process.memoryUsage();
  process.send?.({ rss: memory.rss, heapUsed: memory.heapUsed, retained });
}, 1_000).unref();
process.on('disconnect', () => {
  server.close();
  void database.close().then(() => process.exit(0));
});
