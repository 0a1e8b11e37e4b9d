/**
 * The HTTP edge of issue 14, over real HTTP against the real app and Neo4j: which hosts it answers
 * for (DNS rebinding), which origins may change state, malformed URLs, slow or idle clients, the
 * connection cap, and what a public deployment keeps to itself (source maps, Neo4j's address and
 * version). The in-process app shows the rules; `npm start` as its own process shows that the
 * settings reach them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { CLIENT_DIST, buildClientIfNeeded } from '../../server/cli/client-build';
import type { HealthReport, Problem } from '../../server/contract';
import { createLogger } from '../../server/http/logger';
import { freePort } from '../../server/local-neo4j';
import type { Database } from '../../server/neo4j';
import { loadSeed, openDatabase, testConnection } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { cliArgs } from '../support/cli';
import { jsonLineSink } from '../support/log-sink';

const ROOT = path.resolve(__dirname, '..', '..');

let database: Database;
let app: RunningApp;
let port: number;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  await buildClientIfNeeded(() => undefined);
  database = openDatabase();
  await loadSeed(database);
  const sink = jsonLineSink(logLines);
  app = await startApp(database, CLIENT_DIST, { logger: createLogger('info', sink) });
  port = Number(new URL(app.url).port);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with any Host and Origin (fetch would not let us set Host). */
function request(target: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port: target, method: options.method ?? 'GET', path: options.path ?? '/api/health', headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const QUERY = JSON.stringify({ query: 'RETURN 1 AS one' });
const postQuery = (target: number, headers: Record<string, string>): Promise<Answer> =>
  request(target, { method: 'POST', path: '/api/query', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });

describe('hosts and origins (DNS rebinding)', () => {
  test('a request whose Host is a foreign name (a DNS-rebinding page) is refused 421 problem+json naming ALLOWED_HOSTS, on the API and the UI alike', async () => {
    for (const route of ['/api/health', '/', '/api/graph/start']) {
      const answer = await request(port, { path: route, headers: { host: 'evil.example', origin: 'http://evil.example' } });
      expect(answer.status).toBe(421);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      const problem = JSON.parse(answer.body) as Problem;
      expect(problem.detail).toContain("'evil.example'");
      expect(problem.detail).toContain('ALLOWED_HOSTS');
      expect(problem.requestId).toBeTruthy();
      expect(answer.body).not.toContain('Neo4j 5');
    }
    const withPort = await request(port, { headers: { host: `evil.example:${port}` } });
    expect(withPort.status).toBe(421);
  });

  test('the loopback names are served (what a browser on this machine sends)', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await request(port, { headers: { host } })).status).toBe(200);
    }
  });

  test('a POST with a foreign Origin is refused 403 and runs nothing; same-origin and no Origin (curl) are served', async () => {
    const host = `127.0.0.1:${port}`;
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `http://localhost:${port}`, `https://127.0.0.1:${port}x`]) {
      const answer = await postQuery(port, { host, origin });
      expect(answer.status).toBe(403);
      const problem = JSON.parse(answer.body) as Problem;
      expect(problem.detail).toContain('same origin');
    }
    expect((await postQuery(port, { host, origin: `http://${host}` })).status).toBe(200);
    expect((await postQuery(port, { host })).status).toBe(200);
    // Reads carry no Origin check: a browser's CORS keeps the answer from a foreign page.
    expect((await request(port, { headers: { host, origin: 'http://evil.example' } })).status).toBe(200);
  });

  test('with explicit allowed hosts (a deployment), the named host is served and others refused', async () => {
    const deployed = await startApp(database, undefined, { allowedHosts: ['fingraph.example.com', 'intranet:8080'] });
    const deployedPort = Number(new URL(deployed.url).port);
    try {
      expect((await request(deployedPort, { headers: { host: 'fingraph.example.com' } })).status).toBe(200);
      expect((await request(deployedPort, { headers: { host: 'intranet:8080' } })).status).toBe(200);
      expect((await request(deployedPort, { headers: { host: 'intranet:9090' } })).status).toBe(421);
      expect((await request(deployedPort, { headers: { host: 'evil.example' } })).status).toBe(421);
      expect((await postQuery(deployedPort, { host: 'fingraph.example.com', origin: 'https://fingraph.example.com' })).status).toBe(200);
      expect((await postQuery(deployedPort, { host: 'fingraph.example.com', origin: 'https://intranet:8080' })).status).toBe(403);
    } finally {
      await deployed.close();
    }
  });
});

test('GET /%zz (a malformed URL) is a 400 problem that says so, and logs no error with a stack', async () => {
  for (const route of ['/%zz', '/api/nodes/%zz', '/assets/%E0%A4%A']) {
    const answer = await request(port, { path: route, headers: { host: `127.0.0.1:${port}` } });
    expect(answer.status).toBe(400);
    const problem = JSON.parse(answer.body) as Problem;
    expect(problem.detail).toContain('percent-encoding');
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(logLines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  expect(JSON.stringify(logLines)).not.toMatch(/URIError|\n\s+at /);
});

describe('a local instance shows its details; a public deployment keeps them', () => {
  const mapFile = (): string => {
    const map = fs.readdirSync(path.join(CLIENT_DIST, 'assets')).find((name) => name.endsWith('.js.map'));
    if (!map) throw new Error('the UI build has no source map');
    return `/assets/${map}`;
  };

  test('locally, health shows the Bolt address and Neo4j version, and the source maps are served', async () => {
    const report = JSON.parse((await request(port, { headers: { host: `127.0.0.1:${port}` } })).body) as HealthReport;
    expect(report.neo4j.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(report.neo4j.version).toMatch(/^5\.26\./);
    expect((await request(port, { path: mapFile(), headers: { host: `127.0.0.1:${port}` } })).status).toBe(200);
  });

  test('with DEPLOYMENT=public, health says only whether Neo4j answers, and no source map is served', async () => {
    const publicApp = await startApp(database, CLIENT_DIST, { deployment: 'public' });
    const publicPort = Number(new URL(publicApp.url).port);
    const host = `127.0.0.1:${publicPort}`;
    try {
      const answer = await request(publicPort, { headers: { host } });
      expect(answer.status).toBe(200);
      const report = JSON.parse(answer.body) as HealthReport;
      expect(report.status).toBe('ok');
      expect(report.neo4j.reachable).toBe(true);
      expect(report.neo4j.uri).toBeNull();
      expect(report.neo4j.version).toBeNull();
      expect(report.neo4j.edition).toBeNull();
      expect(answer.body).not.toMatch(/bolt:|5\.26|community|127\.0\.0\.1/);
      for (const route of [mapFile(), mapFile().replace(/\.map$/, '.m%61p'), mapFile().replace(/\.map$/, '.MAP'), `${mapFile()}?x=1`]) {
        const map = await request(publicPort, { path: route, headers: { host } });
        expect(map.status).toBe(404);
        expect(map.body).not.toContain('sourcesContent');
      }
      // The page and its script still load.
      expect((await request(publicPort, { path: '/', headers: { host } })).status).toBe(200);
      expect((await request(publicPort, { path: mapFile().replace(/\.map$/, ''), headers: { host } })).status).toBe(200);
    } finally {
      await publicApp.close();
    }
  });
});

describe('npm start as its own process: the settings reach the server', () => {
  let child: ChildProcess;
  let startPort: number;
  let output = '';

  beforeAll(async () => {
    const connection = testConnection();
    startPort = await freePort();
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_') && key !== 'PORT' && key !== 'HOST'));
    child = spawn(process.execPath, cliArgs('start.ts'), {
      cwd: ROOT,
      env: {
        ...clean,
        NEO4J_URI: connection.uri,
        NEO4J_PASSWORD: connection.password,
        PORT: String(startPort),
        HOST: '127.0.0.1',
        ALLOWED_HOSTS: 'fingraph.example.com',
        DEPLOYMENT: 'public',
        HTTP_REQUEST_TIMEOUT_MS: '1500',
        HTTP_MAX_CONNECTIONS: '6',
        CONSOLE_TIMEOUT_MS: '3000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes('is ready') && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 200));
    if (!output.includes('is ready')) throw new Error(`npm start did not get ready:\n${output}`);
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  test('ALLOWED_HOSTS and DEPLOYMENT=public apply: the named host is served without Neo4j details, a foreign one refused', async () => {
    const named = await request(startPort, { headers: { host: 'fingraph.example.com' } });
    expect(named.status).toBe(200);
    expect((JSON.parse(named.body) as HealthReport).neo4j.version).toBeNull();
    expect((await request(startPort, { headers: { host: `localhost:${startPort}` } })).status).toBe(200);
    expect((await request(startPort, { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  test('a request body trickled slowly (a byte every 100 ms) is cut off with 408 at HTTP_REQUEST_TIMEOUT_MS, not held for minutes', async () => {
    const socket = net.connect(startPort, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const began = Date.now();
    socket.write(`POST /api/query HTTP/1.1\r\nHost: 127.0.0.1:${startPort}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - began)));
    const trickle = setInterval(() => socket.writable && socket.write(' '), 100);
    const elapsed = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 8_000))]);
    clearInterval(trickle);
    socket.destroy();
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(4_000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  test('the request timeout bounds receiving a request, not answering it: a console query running past it gets its answer (504 at the console limit)', async () => {
    const began = Date.now();
    const slow = await request(startPort, {
      method: 'POST',
      path: '/api/query',
      headers: { host: `127.0.0.1:${startPort}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: "MATCH (a), (b), (c), (d), (e), (f) WHERE a.name + b.name + c.name + d.name + e.name + f.name = 'x' RETURN count(*)" }),
    });
    expect(slow.status).toBe(504);
    expect(Date.now() - began).toBeGreaterThan(2_500);
  });

  test('past HTTP_MAX_CONNECTIONS open connections, a new one is dropped; once they close the server serves again', async () => {
    const open: net.Socket[] = [];
    for (let i = 0; i < 6; i += 1) {
      const socket = net.connect(startPort, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      open.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await request(startPort, { headers: { host: `127.0.0.1:${startPort}` } }).then(
      (answer) => answer.status,
      (error: NodeJS.ErrnoException) => error.code ?? 'error',
    );
    expect(refused).toBe('ECONNRESET');
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await request(startPort, { headers: { host: `127.0.0.1:${startPort}` } })).status).toBe(200);
  });
});
