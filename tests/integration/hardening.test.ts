/**
 * HTTP hardening against the real app and Neo4j: security headers and a CSP the built UI can live
 * under, body size and type checks, rate limiting of the console per client, request ids in answers
 * and logs, no internals in error bodies, and a cancelled console query stopped on the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_DIST, buildClientIfNeeded } from '../../server/cli/client-build';
import { createLogger } from '../../server/http/logger';
import type { Problem } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { loadSeed, openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { jsonLineSink } from '../support/log-sink';

let database: Database;
let app: RunningApp;
let limited: RunningApp;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  await buildClientIfNeeded(() => undefined);
  database = openDatabase();
  await loadSeed(database);
  const sink = jsonLineSink(logLines);
  app = await startApp(database, CLIENT_DIST, { logger: createLogger('info', sink) });
  // Three console queries at once, then one every two seconds; clients told apart by X-Forwarded-For.
  limited = await startApp(database, undefined, { consoleRate: { perMinute: 30, burst: 3 }, trustProxy: 'loopback' });
});

afterAll(async () => {
  await limited?.close();
  await app?.close();
  await database?.close();
});

/** A cartesian product over the seed that runs for far longer than any limit used here. */
/** Billions of rows from a small range (the console refuses ranges beyond 10,000 elements), row by row: long, and stoppable. */
const LONG_QUERY = "WITH range(1, 200) AS l UNWIND l AS a UNWIND l AS b UNWIND l AS c UNWIND l AS d WITH a, b, c, d WHERE toString(a * b * c * d) = 'never' RETURN count(*)";
const SLOW_QUERY = "MATCH (a), (b), (c), (d), (e), (f) WHERE a.name + b.name + c.name + d.name + e.name + f.name = 'x' RETURN count(*)";

/** The app on its own Database that runs one query at once (the rest wait up to `queueTimeoutMs`). */
async function oneAtATime(queueTimeoutMs: number, consoleTimeoutMs: number): Promise<RunningApp> {
  const narrow = openDatabase(undefined, { maxConcurrent: 1, queueTimeoutMs });
  const app = await startApp(narrow, undefined, { consoleLimits: { timeoutMs: consoleTimeoutMs, maxRows: 10, maxElements: 10 } });
  return {
    url: app.url,
    close: async () => {
      await app.close();
      await narrow.close();
    },
  };
}

const post = (base: string, route: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> =>
  fetch(`${base}${route}`, { method: 'POST', headers, body });

test('every answer carries the security headers; the CSP allows no inline or foreign script, and the built page has none', async () => {
  for (const route of ['/', '/api/health', '/api/nope']) {
    const response = await fetch(`${app.url}${route}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe|\*|http)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  }
  const page = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc="\/assets\//);
    expect(body?.trim()).toBe('');
  }
  expect(page).not.toMatch(/\son[a-z]+=/i);
});

test('bodies: over 1 MB is 413, not JSON is 415, malformed JSON is 400; each says how to fix it and changes nothing', async () => {
  const big = await post(app.url, '/api/query', JSON.stringify({ query: `RETURN '${'x'.repeat(1_100_000)}'` }));
  expect(big.status).toBe(413);
  expect(((await big.json()) as Problem).detail).toContain('larger than 1 MB');

  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const response = await post(app.url, '/api/query', 'query=MATCH (n) RETURN n', { 'content-type': type });
    expect(response.status).toBe(415);
    const problem = (await response.json()) as Problem;
    expect(problem.detail).toContain(`sent as ${type}`);
    expect(problem.detail).toContain('Content-Type: application/json');
  }
  const untyped = await fetch(`${app.url}/api/graph/subgraph`, { method: 'POST', body: new Uint8Array([123, 125]) });
  expect(untyped.status).toBe(415);
  expect(((await untyped.json()) as Problem).detail).toContain('had no Content-Type');

  const malformed = await post(app.url, '/api/graph/subgraph', '{"ids": [');
  expect(malformed.status).toBe(400);
  expect(((await malformed.json()) as Problem).detail).toContain('not valid JSON');
});

test('console queries are rate limited per client: 429 with Retry-After past the burst, other clients unaffected', async () => {
  const query = (client: string): Promise<Response> => post(limited.url, '/api/query', JSON.stringify({ query: 'RETURN 1 AS one' }), { 'content-type': 'application/json', 'x-forwarded-for': client });
  const statuses = [];
  for (let i = 0; i < 5; i += 1) statuses.push((await query('203.0.113.7')).status);
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  const refused = await query('203.0.113.7');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const problem = (await refused.json()) as Problem;
  expect(problem.detail).toMatch(/at most 30 a minute .* Try again in \d+ s/);
  // Another client, and the rest of the API for the limited one, still answer.
  expect((await query('198.51.100.2')).status).toBe(200);
  expect((await fetch(`${limited.url}/api/schema`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
});

test('request ids: sent back (the caller\'s when sane), in problem bodies and in the structured log', async () => {
  const own = await fetch(`${app.url}/api/nodes/nope`, { headers: { 'x-request-id': 'trace-42' } });
  expect(own.headers.get('x-request-id')).toBe('trace-42');
  expect(((await own.json()) as Problem).requestId).toBe('trace-42');
  const insane = await fetch(`${app.url}/api/health`, { headers: { 'x-request-id': `bad id <script>${'x'.repeat(200)}` } });
  expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

  await new Promise((resolve) => setTimeout(resolve, 50));
  const line = logLines.find((entry) => entry.requestId === 'trace-42');
  expect(line).toMatchObject({ app: 'fingraph', method: 'GET', url: '/api/nodes/nope', status: 400, level: 30 });
  expect(typeof line?.ms).toBe('number');
  expect(typeof line?.time).toBe('string');
});

test('error bodies hold no stack traces or driver internals', async () => {
  const bodies = await Promise.all([
    fetch(`${app.url}/api/nodes/${encodeURIComponent("4:x:'; DROP")}`).then((response) => response.text()),
    post(app.url, '/api/query', JSON.stringify({ query: 'MATCH (n RETURN n' })).then((response) => response.text()),
    post(app.url, '/api/query', JSON.stringify({ query: 'RETURN 1/0' })).then((response) => response.text()),
    post(app.url, '/api/query', JSON.stringify({ query: 'RETURN $missing' })).then((response) => response.text()),
    fetch(`${app.url}/api/paths?from=a&to=b&maxHops=99`).then((response) => response.text()),
  ]);
  for (const body of bodies) {
    expect(body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|Neo4jError|bolt:\/\/|org\.neo4j|java\./);
  }
});

test('a console query whose request is closed is stopped on the server, and the next one works', async () => {
  const stop = new AbortController();
  const running = fetch(`${app.url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'cancel-me' },
    body: JSON.stringify({ query: SLOW_QUERY }),
    signal: stop.signal,
  }).catch((error: Error) => error.name);
  const count = async (): Promise<number> =>
    Number((await database.runStatement("SHOW TRANSACTIONS YIELD metaData WHERE metaData.request = 'cancel-me' RETURN count(*) AS n")).records[0]?.get('n'));
  const until = async (wanted: (count: number) => boolean, ms: number): Promise<number> => {
    const end = Date.now() + ms;
    let found = await count();
    while (!wanted(found) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await count();
    }
    return found;
  };
  expect(await until((n) => n === 1, 5_000)).toBe(1);
  stop.abort();
  expect(await running).toBe('AbortError');
  const began = Date.now();
  expect(await until((n) => n === 0, 5_000)).toBe(0);
  expect(Date.now() - began).toBeLessThan(3_000);
  const next = await post(app.url, '/api/query', JSON.stringify({ query: 'RETURN 1 AS one' }));
  expect(next.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(logLines.find((entry) => entry.requestId === 'cancel-me')).toMatchObject({ msg: 'client closed the request', completed: false });
});

test('sessions and transactions are always closed: after over a hundred failing, refused, cancelled and timed-out requests a pool of 3 connections still serves', async () => {
  const ROUNDS = 12;
  const small = openDatabase(undefined, { maxConnectionPoolSize: 3, connectionAcquisitionTimeoutMs: 3_000 });
  const tight = await startApp(small, undefined, { consoleLimits: { timeoutMs: 1_000, maxRows: 10, maxElements: 10 } });
  const query = (text: string, signal?: AbortSignal): Promise<number> =>
    fetch(`${tight.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text }), signal }).then(
      (response) => response.status,
      () => 0,
    );
  try {
    const statuses = new Map<number, number>();
    const note = (status: number): void => void statuses.set(status, (statuses.get(status) ?? 0) + 1);
    for (let round = 0; round < ROUNDS; round += 1) {
      const cancel = new AbortController();
      const batch = [
        query('MATCH (n) RETURN n'), // 200, rows cut at the limit
        query('MATCH (n RETURN n'), // 400 syntax
        query('CREATE (:Intruder)'), // 403 refused
        query('RETURN $nothing'), // 400 missing parameter
        query(SLOW_QUERY), // 504 at 1 s
        query(LONG_QUERY, cancel.signal), // cancelled
        fetch(`${tight.url}/api/nodes/${encodeURIComponent('4:00000000-0000-0000-0000-000000000000:1')}`).then((response) => response.status),
        fetch(`${tight.url}/api/search?q=bank`).then((response) => response.status),
        fetch(`${tight.url}/api/paths?from=x&to=y`).then((response) => response.status),
      ];
      setTimeout(() => cancel.abort(), 150);
      for (const status of await Promise.all(batch)) note(status);
    }
    expect([...statuses.keys()].sort()).toEqual([0, 200, 400, 403, 404, 504].filter((status) => statuses.has(status)));
    expect(statuses.get(504)).toBe(ROUNDS);
    expect(statuses.get(403)).toBe(ROUNDS);
    expect(statuses.get(0)).toBe(ROUNDS);
    // Nothing of the app's is still running in Neo4j (a terminated transaction takes a moment to go).
    const open = async (): Promise<number> =>
      Number((await database.runStatement("SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'fingraph-console' RETURN count(*) AS n")).records[0]?.get('n'));
    const settled = Date.now() + 2_000;
    while ((await open()) > 0 && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await open()).toBe(0);
    // And the 3 connections are free: 12 requests at once all answer (a leak would time them out).
    const after = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 ? query('RETURN 1') : fetch(`${tight.url}/api/graph/start`).then((response) => response.status))));
    expect(after).toEqual(Array(12).fill(200));
  } finally {
    await tight.close();
    await small.close();
  }
});

test('admission control: past the queries allowed at once, a request waits its turn, then is answered 503 busy with Retry-After', async () => {
  const busy = await oneAtATime(300, 1_500);
  try {
    const slow = post(busy.url, '/api/query', JSON.stringify({ query: SLOW_QUERY }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const began = Date.now();
    const refused = await fetch(`${busy.url}/api/search?q=bank`);
    expect(Date.now() - began).toBeLessThan(1_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const problem = (await refused.json()) as Problem;
    expect(problem).toMatchObject({ title: 'Database Busy', code: 'Busy' });
    expect(problem.detail).toContain('Neo4j is busy');
    expect((await slow).status).toBe(504);
    // Its turn freed, the next request runs; health is not queued behind queries.
    expect((await fetch(`${busy.url}/api/search?q=bank`)).status).toBe(200);
    expect((await fetch(`${busy.url}/api/health`)).status).toBe(200);
  } finally {
    await busy.close();
  }
});

test('a console request closed while it waits for its turn is dropped without running, and nothing fails behind it', async () => {
  const busy = await oneAtATime(3_000, 1_000);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const slow = post(busy.url, '/api/query', JSON.stringify({ query: SLOW_QUERY }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stop = new AbortController();
    const waiting = fetch(`${busy.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'queued-then-closed' },
      body: JSON.stringify({ query: LONG_QUERY }),
      signal: stop.signal,
    }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop.abort();
    expect(await waiting).toBe('AbortError');
    expect((await slow).status).toBe(504);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ran = await database.runStatement("SHOW TRANSACTIONS YIELD metaData WHERE metaData.request = 'queued-then-closed' RETURN count(*) AS n");
    expect(Number(ran.records[0]?.get('n'))).toBe(0);
    expect((await post(busy.url, '/api/query', JSON.stringify({ query: 'RETURN 1 AS one' }))).status).toBe(200);
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await busy.close();
  }
});
