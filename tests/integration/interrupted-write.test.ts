/**
 * `npm run import` killed half-way (SIGKILL, in the middle of its transaction) leaves the database
 * as it was: everything is written in one transaction, which Neo4j rolls back when the connection
 * goes. `npm run seed` writes through the same code (server/seed/write.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/neo4j';
import { fingerprint, loadSeed, openDatabase, testConnection } from '../support/database';

const ROOT = path.resolve(__dirname, '..', '..');
const NODES = 30_000;
let database: Database;
let scratch: string;

beforeAll(async () => {
  database = openDatabase();
  await loadSeed(database);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-interrupt-'));
});

afterAll(async () => {
  await database?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function writesRunning(): Promise<number> {
  const result = await database.runStatement("SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'fingraph-write' RETURN count(*) AS n");
  return Number(result.records[0]?.get('n'));
}

test('an import with --reset killed in the middle of its transaction leaves the database exactly as it was', async () => {
  const before = await fingerprint(database);
  // A large file, so that the transaction runs long enough to be killed in the middle of it.
  const file = path.join(scratch, 'large.json');
  const nodes = Array.from({ length: NODES }, (_, index) => ({ id: `bulk-${index}`, label: 'Company', name: `Bulk Company ${index}`, description: 'Generated for the test.' }));
  const relationships = nodes.slice(1).map((node, index) => ({
    type: 'PARTNERS_WITH',
    from: nodes[index]!.id,
    to: node.id,
    evidence: [{ source: 'bulk-source', quote: 'a generated quote for the test' }],
  }));
  fs.writeFileSync(file, JSON.stringify({ sources: [{ id: 'bulk-source', title: 'Generated for the test', publisher: 'Fingraph tests', timeFrame: 'none' }], nodes, relationships }));

  const connection = testConnection();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'server', 'cli', 'seed.ts'), 'import', file, '--reset', '--yes'], {
    cwd: ROOT,
    env: { ...clean, NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password },
    detached: true,
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

  // Wait for its transaction to start, let it write for a moment (the reset has deleted the data by then), then kill it.
  const deadline = Date.now() + 60_000;
  while ((await writesRunning()) === 0 && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
  expect({ running: await writesRunning(), output }).toEqual({ running: 1, output: expect.not.stringContaining('fingraph:') });
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect(await writesRunning()).toBe(1);
  process.kill(-child.pid!, 'SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(output).not.toContain('Replaced the data');

  // Neo4j notices the closed connection and rolls the transaction back.
  const settled = Date.now() + 60_000;
  while ((await writesRunning()) > 0 && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await writesRunning()).toBe(0);
  expect(await fingerprint(database)).toEqual(before);
});
