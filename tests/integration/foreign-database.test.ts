/**
 * Issue 14, part 1: Fingraph never changes a database it did not create. `npm start` with NEO4J_URI
 * (the real CLI, on a free port) and a browse session over HTTP leave the database's constraints,
 * indexes, labels, types, counts and content exactly as they were.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { GraphView, NeighborPage, SchemaInfo, SearchResult } from '../../server/contract';
import { freePort } from '../../server/local-neo4j';
import type { Database } from '../../server/neo4j';
import { dropFintechSchema, getJson, postJson } from '../support/api';
import { emptyDatabase, fingerprint, openDatabase, schemaFingerprint, testConnection } from '../support/database';
import { loadForeign } from '../support/foreign';
import { cliArgs } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');

let database: Database;

beforeAll(async () => {
  database = openDatabase();
  await emptyDatabase(database);
  await dropFintechSchema((statement) => database.runStatement(statement));
  await loadForeign(database);
  await database.runStatement('CREATE CONSTRAINT films_title IF NOT EXISTS FOR (m:Movie) REQUIRE m.title IS UNIQUE');
  await database.runStatement('CREATE INDEX people_name IF NOT EXISTS FOR (p:Person) ON (p.name)');
  await database.runStatement('CALL db.awaitIndexes(60)');
});

afterAll(async () => {
  await database.runStatement('DROP CONSTRAINT films_title IF EXISTS');
  await database.runStatement('DROP INDEX people_name IF EXISTS');
  await emptyDatabase(database);
  await database.close();
});

async function startCli(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const connection = testConnection();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_') && key !== 'PORT'));
  const child = spawn(process.execPath, cliArgs('start.ts'), {
    cwd: ROOT,
    env: { ...clean, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password, PORT: String(port), LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('is ready in')) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, output: () => output };
}

test('npm start with NEO4J_URI and a browse session leave a foreign database exactly as it was: no constraint, index, label or data added', async () => {
  const before = { data: await fingerprint(database), schema: await schemaFingerprint(database) };
  expect(before.schema.constraints.join()).toContain('films_title');
  const port = await freePort();
  const { child, output } = await startCli(port);
  const base = `http://127.0.0.1:${port}/api`;
  try {
    expect(output()).toContain('applies no schema and loads no data');
    expect(output()).toContain('npm run seed');
    expect(output()).not.toContain('Schema applied');

    const schema = (await getJson<SchemaInfo>(`${base}/schema`)).body;
    expect(schema.labels.map((label) => label.name).sort()).toEqual(['Bank', 'Host', 'Movie', 'Person', 'Product']);
    expect(schema.labels.every((label) => label.count > 0)).toBe(true);
    const start = (await getJson<GraphView>(`${base}/graph/start?limit=20`)).body;
    expect(start.nodes.length).toBeGreaterThan(0);
    const found = (await getJson<SearchResult>(`${base}/search?q=${encodeURIComponent('The Matrix')}`)).body;
    const matrix = found.hits.find((hit) => hit.matched === 'The Matrix')?.node;
    expect(matrix).toBeDefined();
    const keanu = (await getJson<SearchResult>(`${base}/search?q=keanu&label=Person`)).body.hits[0]?.node;
    expect(keanu?.properties.name).toBe('Keanu Reeves');
    expect((await getJson(`${base}/nodes/${encodeURIComponent(matrix!.id)}`)).status).toBe(200);
    const neighbours = (await getJson<NeighborPage>(`${base}/nodes/${encodeURIComponent(matrix!.id)}/neighbors`)).body;
    expect(neighbours.total).toBe(1);
    expect((await getJson<{ length: number }>(`${base}/paths?from=${encodeURIComponent(keanu!.id)}&to=${encodeURIComponent(matrix!.id)}`)).body.length).toBe(1);
    expect((await postJson(`${base}/graph/subgraph`, { ids: [keanu!.id, matrix!.id] })).status).toBe(200);
    expect((await getJson(`${base}/query/schema`)).status).toBe(200);
    const query = await postJson<{ rowCount: number }>(`${base}/query`, { query: 'MATCH (m:Movie) RETURN m.title AS title ORDER BY title' });
    expect(query.body.rowCount).toBe(7);
    expect((await postJson(`${base}/query`, { query: "CREATE (:Intruder {name: 'x'})" })).status).toBe(403);
    expect((await getJson(`${base}/search?q=x&label=NoSuchLabel`)).status).toBe(400);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  expect({ data: await fingerprint(database), schema: await schemaFingerprint(database) }).toEqual(before);
});

test('npm run seed is how a user loads the fintech dataset into their database, and it says that it applies the schema', async () => {
  const connection = testConnection();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
  const result = spawnSync(process.execPath, cliArgs('seed.ts', 'seed'), {
    cwd: ROOT,
    env: { ...clean, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    encoding: 'utf8',
    timeout: 120_000,
  });
  try {
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Schema applied \(\d+ constraints and indexes of the fintech model/);
    expect((await schemaFingerprint(database)).indexes.join()).toContain('entity_names');
  } finally {
    await emptyDatabase(database);
    await dropFintechSchema((statement) => database.runStatement(statement));
  }
});
