/**
 * A throwaway local Neo4j for tests: a temporary folder, a free port, a random password; never the
 * user's data folder. Started with --exit-with-parent so that nothing outlives the test run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalNeo4jSettings, Neo4jConnection } from '../../server/config';
import { freePort, installRuntime, startLocalNeo4j, stopLocalNeo4j } from '../../server/local-neo4j';

export interface ThrowawayNeo4j {
  settings: LocalNeo4jSettings;
  connection: Neo4jConnection;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and deletes its folder. */
  remove(): Promise<void>;
}

export async function createThrowawayNeo4j(name: string): Promise<ThrowawayNeo4j> {
  await installRuntime((line) => process.stdout.write(`${line}\n`));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `fingraph-${name}-`));
  const settings: LocalNeo4jSettings = { boltPort: await freePort(), home, heap: '768m', pageCache: '128m' };
  const connection: Neo4jConnection = {
    uri: `bolt://127.0.0.1:${settings.boltPort}`,
    user: 'neo4j',
    password: crypto.randomBytes(12).toString('hex'),
    database: undefined,
  };
  const instance: ThrowawayNeo4j = {
    settings,
    connection,
    async start() {
      await startLocalNeo4j(settings, { password: connection.password, exitWithParent: true });
    },
    async stop() {
      await stopLocalNeo4j(home);
    },
    async remove() {
      await stopLocalNeo4j(home);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
  await instance.start();
  return instance;
}
