/**
 * The console watchdog on an external Neo4j (issue 14), which Fingraph cannot restart: a console query
 * that ignores termination is logged at warn with its transaction, start, request and client, listed
 * by GET /api/health without its text, and its client is refused console queries for a while. Uses
 * its own throwaway Neo4j configured as external (no supervisor), killed at the end: the runaway
 * expression would hold a core of the run's shared Neo4j, and a clean shutdown, until it ends.
 */
import fs from 'node:fs';
import type { HealthReport, Problem } from '../../server/contract';
import { createLogger } from '../../server/http/logger';
import { killLocalNeo4j } from '../../server/local-neo4j';
import type { Database } from '../../server/neo4j';
import { ConsoleWatchdog } from '../../server/services/console-watchdog';
import { openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { createThrowawayNeo4j, type ThrowawayNeo4j } from '../support/throwaway-neo4j';
import { jsonLineSink } from '../support/log-sink';

const CONSOLE_TIMEOUT_MS = 1_500;
// A regex the console's guard lets through (three unbounded quantifiers, no nested group) that still
// backtracks for hours over a long enough text: O(n³) steps on 20,000 characters.
const REGEX_QUERY = "RETURN $text =~ '.*.*.*x' AS m";
const REGEX_PARAMS = { text: 'a'.repeat(20_000) };

let neo4j: ThrowawayNeo4j;
let database: Database;
let watchdog: ConsoleWatchdog;
let app: RunningApp;
const warnings: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  neo4j = await createThrowawayNeo4j('watchdog');
  database = openDatabase(neo4j.connection);
  const sink = jsonLineSink(warnings);
  watchdog = new ConsoleWatchdog(database, { timeoutMs: CONSOLE_TIMEOUT_MS, graceMs: 1_500, blockMs: 120_000, logger: createLogger('warn', sink) });
  app = await startApp(database, undefined, { consoleLimits: { timeoutMs: CONSOLE_TIMEOUT_MS, maxRows: 10, maxElements: 10 }, consoleWatchdog: watchdog, trustProxy: 'loopback' });
});

afterAll(async () => {
  watchdog?.close();
  await app?.close();
  await database?.close();
  if (neo4j) {
    await killLocalNeo4j(neo4j.settings.home);
    fs.rmSync(neo4j.settings.home, { recursive: true, force: true });
  }
});

const consoleQuery = (query: string, client: string, params?: Record<string, unknown>): Promise<Response> =>
  fetch(`${app.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ query, params }) });

async function health(): Promise<HealthReport> {
  return (await (await fetch(`${app.url}/api/health`)).json()) as HealthReport;
}

test('regression (issue 14): on an external Neo4j, a regex that ignores termination shows in health and the log with its transaction and client, and that client is refused console queries for a while', async () => {
  expect((await health()).console).toEqual({ stuck: [] });
  // A query that ends within its limit is not reported.
  expect((await consoleQuery('RETURN 1 AS one', '203.0.113.40')).status).toBe(200);

  const runaway = await consoleQuery(REGEX_QUERY, '203.0.113.41', REGEX_PARAMS);
  expect(runaway.status).toBe(504);
  const request = runaway.headers.get('x-request-id');
  expect(request).toBeTruthy();

  let report: HealthReport | undefined;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    report = await health();
    if ((report.console?.stuck.length ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(report?.status).toBe('ok');
  expect(report?.console?.stuck).toEqual([
    {
      transactionId: expect.stringMatching(/^neo4j-transaction-\d+$/),
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      request,
      client: '203.0.113.41',
      overdueSeconds: expect.any(Number),
      status: expect.stringContaining('Terminated'),
    },
  ]);
  expect(report?.console?.stuck[0]?.overdueSeconds).toBeGreaterThanOrEqual(1);
  // Who and when, never what: no query text or parameters in the health report.
  expect(JSON.stringify(report)).not.toContain('(.*a)');

  const warning = warnings.find((line) => line.request === request);
  expect(warning).toMatchObject({ level: 40, client: '203.0.113.41', transactionId: report?.console?.stuck[0]?.transactionId, startedAt: report?.console?.stuck[0]?.startedAt });
  expect(String(warning?.msg)).toContain('Neo4j cannot stop it');

  const refused = await consoleQuery('RETURN 1 AS one', '203.0.113.41');
  expect(refused.status).toBe(429);
  expect(refused.headers.get('content-type')).toContain('application/problem+json');
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(100);
  expect(retryAfter).toBeLessThanOrEqual(120);
  const problem = (await refused.json()) as Problem;
  expect(problem).toMatchObject({ status: 429, code: 'ConsoleClientBlocked' });
  expect(problem.detail).toContain(`request ${request}`);
  expect(problem.detail).toMatch(/Try again in \d+ s/);

  // Other clients, and the rest of the API for this one, still answer.
  expect((await consoleQuery('RETURN 1 AS one', '203.0.113.42')).status).toBe(200);
  expect((await fetch(`${app.url}/api/schema`, { headers: { 'x-forwarded-for': '203.0.113.41' } })).status).toBe(200);
  // Still listed while it runs.
  expect((await health()).console?.stuck).toHaveLength(1);
});
