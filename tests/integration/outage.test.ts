/**
 * Neo4j going away: stopped, killed mid-session with queries running, or not yet started when the
 * API starts. Calls answer 503 at once with a clear JSON error, /api/health says so, the API recovers
 * by itself when Neo4j is back, without a restart, and nothing is lost. Uses its own throwaway Neo4j.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { HealthReport, Problem } from '../../server/contract';
import { findLocalNeo4j, freePort } from '../../server/local-neo4j';
import type { Database } from '../../server/neo4j';
import { fingerprint, openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { createThrowawayNeo4j, type ThrowawayNeo4j } from '../support/throwaway-neo4j';

const ROOT = path.resolve(__dirname, '..', '..');

let neo4j: ThrowawayNeo4j;
let database: Database;
let app: RunningApp;

beforeAll(async () => {
  neo4j = await createThrowawayNeo4j('outage');
  database = openDatabase(neo4j.connection);
  await database.runStatement("CREATE (:Thing {name: 'survivor'})");
  app = await startApp(database);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await neo4j?.remove();
});

async function timed(route: string, base = app.url, init?: RequestInit): Promise<{ status: number; body: unknown; ms: number }> {
  const began = Date.now();
  const response = await fetch(`${base}${route}`, init);
  return { status: response.status, body: await response.json(), ms: Date.now() - began };
}

async function waitFor(route: string, status: number, base = app.url, seconds = 60): Promise<{ status: number; body: unknown }> {
  let last: { status: number; body: unknown } = { status: 0, body: null };
  for (let attempt = 0; attempt < seconds && last.status !== status; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
    last = await timed(route, base).catch(() => ({ status: 0, body: null }));
  }
  return last;
}

const slowQuery = (base: string): Promise<{ status: number; body: unknown; ms: number }> =>
  timed('/api/query', base, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: "WITH range(1, 200) AS l UNWIND l AS a UNWIND l AS b UNWIND l AS c UNWIND l AS d WITH a, b, c, d WHERE toString(a * b * c * d) = 'never' RETURN count(*)" }),
  });

test('when Neo4j stops, API calls answer 503 at once, and they recover by themselves when it is back', async () => {
  expect((await timed('/api/graph/start')).status).toBe(200);

  await neo4j.stop();

  const first = await timed('/api/graph/start');
  expect(first.status).toBe(503);
  expect(first.ms).toBeLessThan(5_000);
  const problem = first.body as Problem;
  expect(problem.title).toBe('Database Unavailable');
  expect(problem.detail).toContain('not reachable');
  expect(problem.code).toBe('ServiceUnavailable');

  // While it is down, later calls do not wait either.
  const again = await timed('/api/graph/start');
  expect(again.status).toBe(503);
  expect(again.ms).toBeLessThan(2_000);

  const health = await timed('/api/health');
  expect(health.status).toBe(503);
  expect((health.body as HealthReport).neo4j.reachable).toBe(false);
  expect((health.body as HealthReport).status).toBe('unavailable');

  await neo4j.start();

  const recovered = await waitFor('/api/graph/start', 200);
  expect(recovered.status).toBe(200);
  expect(JSON.stringify(recovered.body)).toContain('survivor');
  expect((await timed('/api/health')).status).toBe(200);
});

test('when Neo4j is killed mid-session with queries running, they answer 503 (not hang), and everything recovers with the data intact', async () => {
  await database.runStatement('UNWIND range(1, 500) AS i CREATE (:Thing {name: "thing " + i})');
  const before = await fingerprint(database);
  expect((await timed('/api/graph/start')).status).toBe(200);

  const running = [slowQuery(app.url), slowQuery(app.url), slowQuery(app.url)];
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const pid = findLocalNeo4j(neo4j.settings.home)?.pid;
  expect(pid).toBeGreaterThan(0);
  process.kill(pid!, 'SIGKILL');

  const answers = await Promise.all(running);
  for (const answer of answers) {
    expect(answer.status).toBe(503);
    expect((answer.body as Problem).detail).toContain('not reachable');
  }
  const later = await timed('/api/search?q=thing');
  expect(later.status).toBe(503);
  expect(later.ms).toBeLessThan(2_000);
  expect(((await timed('/api/health')).body as HealthReport).neo4j.reachable).toBe(false);

  await neo4j.start();
  expect((await waitFor('/api/graph/start', 200)).status).toBe(200);
  expect((await timed('/api/query', app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'RETURN 1 AS one' }) })).status).toBe(200);
  expect(await fingerprint(database)).toEqual(before);
});

test('npm start before its Neo4j is up serves 503s and says why, then recovers when Neo4j starts, writing nothing to it', async () => {
  await neo4j.stop();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_') && key !== 'PORT'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'server', 'cli', 'start.ts')], {
    cwd: ROOT,
    env: { ...clean, NEO4J_URI: neo4j.connection.uri, NEO4J_PASSWORD: neo4j.connection.password, PORT: String(port), LOG_LEVEL: 'warn' },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const health = await waitFor('/api/health', 503, base);
    expect(health.status).toBe(503);
    expect((health.body as HealthReport).neo4j).toMatchObject({ reachable: false, error: expect.stringContaining('not reachable') });
    expect(output).toContain('does not answer yet: serving 503s until it does');
    const search = await timed('/api/search?q=survivor', base);
    expect(search.status).toBe(503);
    expect(search.ms).toBeLessThan(2_000);

    await neo4j.start();
    expect((await waitFor('/api/health', 200, base)).status).toBe(200);
    // A database Fingraph did not create gets no schema (search scans its names).
    expect(output).toContain('applies no schema and loads no data');
    expect(output).not.toContain('Schema applied');
    const found = await waitFor('/api/search?q=survivor', 200, base);
    expect(JSON.stringify(found.body)).toContain('survivor');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});
