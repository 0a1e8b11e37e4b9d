import type { HealthReport, Problem } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
let app: RunningApp;

beforeAll(async () => {
  database = openDatabase();
  app = await startApp(database);
});

afterAll(async () => {
  await app.close();
  await database.close();
});

test('when Neo4j answers, /api/health reports 200 with the API version and Neo4j 5.26 Community', async () => {
  const response = await fetch(`${app.url}/api/health`);
  expect(response.status).toBe(200);
  const report = (await response.json()) as HealthReport;
  expect(report.status).toBe('ok');
  expect(report.api.version).toBe('test');
  expect(report.neo4j.reachable).toBe(true);
  expect(report.neo4j.version).toMatch(/^5\.26\./);
  expect(report.neo4j.edition).toBe('community');
  expect(report.neo4j.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
});

test('an unknown API route answers 404 problem+json that names the route', async () => {
  const response = await fetch(`${app.url}/api/no-such-route`);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ status: 404, title: 'Not Found' });
  expect(problem.detail).toContain('/api/no-such-route');
});

test('a malformed JSON body answers 400 problem+json without a stack trace', async () => {
  const response = await fetch(`${app.url}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken": ' });
  expect(response.status).toBe(400);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ status: 400, detail: 'The request body is not valid JSON; check its quotes, commas and brackets.' });
  expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
});
