/**
 * Neo4j going away under a running API: calls answer 503 at once with a clear JSON error, and the
 * API recovers by itself when Neo4j is back, without a restart. Uses its own throwaway Neo4j.
 */
import type { HealthReport, Problem } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { createThrowawayNeo4j, type ThrowawayNeo4j } from '../support/throwaway-neo4j';

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

async function timed(path: string): Promise<{ status: number; body: unknown; ms: number }> {
  const began = Date.now();
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, body: await response.json(), ms: Date.now() - began };
}

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

  let recovered: { status: number; body: unknown } = { status: 0, body: null };
  for (let attempt = 0; attempt < 60 && recovered.status !== 200; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    recovered = await timed('/api/graph/start');
  }
  expect(recovered.status).toBe(200);
  expect(JSON.stringify(recovered.body)).toContain('survivor');
  expect((await timed('/api/health')).status).toBe(200);
});
