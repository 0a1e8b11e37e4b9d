/**
 * `npm run db:install|db:start|db:stop|db:status|db:reset`: the local Neo4j, by hand.
 * db:start leaves it running in the background; `npm start` then reuses it.
 */
import fs from 'node:fs';
import { loadConfig } from '../config';
import { Database, loadQueries } from '../neo4j';
import { findLocalNeo4j, installRuntime, launcherLog, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../local-neo4j';
import { API_VERSION } from '../version';
import { runMain } from './main';

const log = (line: string): void => console.log(line);

function residentMemory(pid: number): string {
  const status = `/proc/${pid}/status`;
  if (!fs.existsSync(status)) return 'unknown';
  const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(status, 'utf8'))?.[1] ?? NaN);
  return Number.isNaN(kb) ? 'unknown' : `${(kb / 1024).toFixed(0)} MiB`;
}

runMain(async () => {
  const command = process.argv[2];
  const config = loadConfig();
  if (config.externalNeo4j && command !== 'status') {
    log(`NEO4J_URI is set (${config.neo4j.uri}): Fingraph uses that server and manages no local Neo4j. Unset NEO4J_URI to use the local one.`);
    return;
  }
  const home = config.local.home;
  switch (command) {
    case 'install': {
      const outcome = await installRuntime(log);
      if (outcome === 'up-to-date') log('The local Neo4j runtime is installed and up to date.');
      return;
    }
    case 'start': {
      await installRuntime(log);
      const began = Date.now();
      const { process: running, reused } = await startLocalNeo4j(config.local, { password: config.neo4j.password, exitWithParent: false });
      log(
        reused
          ? `The local Neo4j is already running (pid ${running.pid}, bolt://127.0.0.1:${running.boltPort}).`
          : `Started the local Neo4j in ${((Date.now() - began) / 1000).toFixed(1)} s: bolt://127.0.0.1:${running.boltPort} (pid ${running.pid}, data in ${home}). Stop it with \`npm run db:stop\`.`,
      );
      return;
    }
    case 'stop': {
      log((await stopLocalNeo4j(home)) ? 'Stopped the local Neo4j.' : 'The local Neo4j was not running.');
      return;
    }
    case 'status': {
      if (!config.externalNeo4j) {
        const running = findLocalNeo4j(home);
        if (!running) {
          log(`The local Neo4j is not running (data folder ${home}). Start it with \`npm run db:start\` or \`npm start\`.`);
          process.exitCode = 3;
          return;
        }
        log(`The local Neo4j is running: pid ${running.pid}, bolt://127.0.0.1:${running.boltPort}, since ${running.startedAt}, memory (RSS) ${residentMemory(running.pid)}, log ${launcherLog(home)}.`);
      }
      const database = Database.create(config.neo4j, loadQueries(), { queryTimeoutMs: config.queryTimeoutMs, userAgent: `fingraph/${API_VERSION}` });
      try {
        const server = await database.verify();
        log(`Bolt answers: Neo4j ${server.version} ${server.edition} at ${config.neo4j.uri}.`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'reset': {
      await resetLocalNeo4j(home);
      log(`Stopped the local Neo4j (if it ran) and deleted ${home}. The next start creates an empty database, and \`npm start\` loads the seed data into it.`);
      return;
    }
    default:
      console.error('Usage: tsx server/cli/db.ts install|start|stop|status|reset');
      process.exit(2);
  }
});
