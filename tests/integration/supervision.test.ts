/**
 * The local Neo4j under supervision (issue 14): when it dies (kill -9, an OutOfMemoryError) or runs a
 * console transaction that ignores termination, the backend that started it starts it again; the API
 * answers 503 meanwhile and recovers with no manual action. Its own local Neo4j (a small heap, so that
 * the OOM comes in seconds), booted as `npm start` boots it, and short console limits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsoleWatchdog } from '../../server/app';
import { bootBackend, type Backend } from '../../server/cli/boot';
import { loadConfig, type Config } from '../../server/config';
import type { HealthReport, Problem } from '../../server/contract';
import { createLogger } from '../../server/http/logger';
import { findLocalNeo4j, freePort, killLocalNeo4j, stopLocalNeo4j } from '../../server/local-neo4j';
import type { ConsoleWatchdog } from '../../server/services/console-watchdog';
import { startApp, type RunningApp } from '../support/http';
import { jsonLineSink } from '../support/log-sink';

let home: string;
let config: Config;
let backend: Backend;
let watchdog: ConsoleWatchdog;
let app: RunningApp;
const lines: string[] = [];
const warnings: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-supervision-'));
  config = loadConfig({
    NEO4J_LOCAL_DIR: home,
    NEO4J_LOCAL_PORT: String(await freePort()),
    NEO4J_PASSWORD: 'supervision-test',
    NEO4J_HEAP: '384m',
    NEO4J_PAGECACHE: '32m',
    CONSOLE_TIMEOUT_MS: '1500',
    CONSOLE_STUCK_GRACE_MS: '1500',
    CONSOLE_STUCK_BLOCK_MS: '120000',
  });
  backend = await bootBackend(config, (line) => lines.push(line));
  const sink = jsonLineSink(warnings);
  const supervisor = backend.supervisor!;
  watchdog = createConsoleWatchdog(backend.database, config, createLogger('warn', sink), (reason) => supervisor.restart(reason, { deliberate: true }));
  app = await startApp(backend.database, undefined, { consoleLimits: config.console, consoleWatchdog: watchdog, trustProxy: 'loopback' });
});

afterAll(async () => {
  watchdog?.close();
  await app?.close();
  backend?.supervisor?.stop();
  await backend?.database.close();
  // Killed, not stopped: a transaction that ignores termination would hold a clean shutdown up.
  if (home) await killLocalNeo4j(home);
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

async function status(route: string): Promise<number> {
  return (await fetch(`${app.url}${route}`).catch(() => null))?.status ?? 0;
}

async function until(what: () => Promise<boolean> | boolean, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await what()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const consoleQuery = async (query: string, client: string, params?: Record<string, unknown>, url = app.url): Promise<{ status: number; body: Problem; retryAfter: string | null }> => {
  const response = await fetch(`${url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ query, params }) });
  return { status: response.status, body: (await response.json()) as Problem, retryAfter: response.headers.get('retry-after') };
};

/** Waits until Neo4j has been restarted (a new pid) and the API answers again. */
const restartCount = (): number => lines.filter((line) => line.startsWith('Restarted the local Neo4j')).length;

async function expectRecoveryFrom(oldPid: number, what: string, restartsBefore: number): Promise<void> {
  expect(await until(() => restartCount() > restartsBefore, 120)).toBe(true);
  expect(findLocalNeo4j(home)?.pid).not.toBe(oldPid);
  expect(lines.filter((line) => line.includes('must restart:')).at(-1)).toContain(`must restart: ${what}`);
  expect(await until(async () => (await status('/api/health')) === 200, 60)).toBe(true);
  expect((await consoleQuery('RETURN 1 AS one', `198.51.100.${Math.floor(Math.random() * 200) + 1}`)).status).toBe(200);
}

test('when the local Neo4j is killed (kill -9) under a running backend, requests answer 503, then 200 again with no manual action', async () => {
  expect(await status('/api/health')).toBe(200);
  const pid = findLocalNeo4j(home)!.pid;
  const restarts = restartCount();
  process.kill(pid, 'SIGKILL');
  expect(await until(async () => (await status('/api/graph/start')) === 503, 10)).toBe(true);
  const health = (await (await fetch(`${app.url}/api/health`)).json()) as HealthReport;
  expect(health.neo4j.reachable).toBe(false);
  await expectRecoveryFrom(pid, 'the process', restarts);
  expect(await status('/api/graph/start')).toBe(200);
});

// The issue's own queries (a 150-million-element comprehension, a reduce over 3 million strings, a
// catastrophic regex) are refused by the console's guard now (tests/integration/console.test.ts);
// these are of the same kinds and pass it: what the guard cannot see, supervision still catches.
test('regression (issue 14): a value Neo4j does not track (a string doubled forty times in a reduce) takes the local Neo4j down with an OutOfMemoryError; it is restarted and the API recovers by itself', async () => {
  const pid = findLocalNeo4j(home)!.pid;
  const restarts = restartCount();
  // Sent through an app of its own with a long console time limit and no watchdog: on a busy machine
  // the heap may take longer than 1.5 s to fill, and a 504 (or the watchdog's restart) would come
  // first. What is tested here is the crash, and the supervisor's restart after it.
  const patient = await startApp(backend.database, undefined, { consoleLimits: { ...config.console, timeoutMs: 120_000 }, trustProxy: 'loopback' });
  const answer = await consoleQuery("RETURN size(reduce(s = 'a', i IN range(1, 40) | replace(s, 'a', 'aa'))) AS n", '203.0.113.20', undefined, patient.url).finally(() => patient.close());
  expect(answer.status).toBe(503);
  await expectRecoveryFrom(pid, 'the process', restarts);
  expect(lines.join('\n')).toContain('has exited: Terminating due to java.lang.OutOfMemoryError');
  expect(fs.readFileSync(path.join(home, 'logs', 'launcher.log.previous'), 'utf8')).toContain('OutOfMemoryError');
}, 180_000);

test('regression (issue 14): a reduce() that rewrites a long string ten thousand times and a backtracking regex over a long text ignore termination; the local Neo4j is restarted once (503 meanwhile), the API recovers, and their clients are refused for a while', async () => {
  const runaways = [
    { query: "RETURN reduce(n = 0, i IN range(1, 10000) | n + size(replace($text, 'a', 'bb'))) AS r", client: '203.0.113.31', params: { text: 'a'.repeat(200_000) } },
    { query: "RETURN $text =~ '.*.*.*x' AS m", client: '203.0.113.32', params: { text: 'a'.repeat(20_000) } },
  ];
  const pid = findLocalNeo4j(home)!.pid;
  const restarts = restartCount();
  const began = Date.now();
  const answers = await Promise.all(runaways.map(({ query, client, params }) => consoleQuery(query, client, params)));
  expect(answers.map((answer) => answer.status)).toEqual([504, 504]);
  expect(Date.now() - began).toBeLessThan(5_000);
  // While it restarts, the API answers 503.
  expect(await until(async () => (await status('/api/health')) === 503, 30)).toBe(true);
  await expectRecoveryFrom(pid, 'console transaction', restarts);
  expect(restartCount()).toBe(restarts + 1);
  for (const { client } of runaways) {
    const warning = warnings.find((line) => line.client === client);
    expect(warning).toMatchObject({ level: 40, client, msg: expect.stringContaining('restarting the local Neo4j') });
    expect(warning?.transactionId).toEqual(expect.stringMatching(/^neo4j-transaction-\d+$/));
    const refused = await consoleQuery('RETURN 1 AS one', client);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(60);
    expect(refused.body.detail).toContain('could not stop it');
  }
  // The old process, and with it the runaway expressions, is gone.
  expect(fs.existsSync(`/proc/${pid}`) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('Launcher')).toBe(false);
}, 180_000);

test('a local Neo4j stopped on purpose (npm run db:stop) is not started again behind the user\'s back', async () => {
  const restarts = restartCount();
  expect(await stopLocalNeo4j(home)).toBe(true);
  expect(await until(() => lines.some((line) => line.startsWith('The local Neo4j was stopped')), 10)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(restartCount()).toBe(restarts);
  expect(findLocalNeo4j(home)).toBeNull();
  expect(backend.supervisor?.state).toBe('stopped');
});
