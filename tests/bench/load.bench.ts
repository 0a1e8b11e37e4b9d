/**
 * `npm run bench:load`: 50 concurrent clients for 30 s (LOAD_SECONDS, LOAD_CLIENTS to change) mixing
 * search, expand (a page of neighbours), shortest paths and console queries, against the API run as
 * its own process, on the seed data (a throwaway Neo4j) and on the 1M-node bench graph (the one
 * `npm run bench:api` generates in neo4j/bench-data). Only 127.0.0.1. Prints throughput, p50/p99
 * latency, the answers by status (any 5xx but a deliberate 503 is a failure) and the API's memory
 * in the first and last 10 s. LOAD_DATASETS=seed or 1m runs one; LOAD_ONLY=search|expand|paths|console
 * one kind of request; LOAD_MAX_CONCURRENT and LOAD_QUEUE_TIMEOUT_MS set the API's admission control.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type Neo4jConnection } from '../../server/config';
import { freePort, startLocalNeo4j, stopLocalNeo4j } from '../../server/local-neo4j';
import { Database, loadQueries } from '../../server/neo4j';
import { loadSeed } from '../support/database';
import { createThrowawayNeo4j } from '../support/throwaway-neo4j';
import { nodeName, random } from './generate';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const BENCH_HOME = path.join(PROJECT_ROOT, 'neo4j', 'bench-data');
const log = (line: string): void => console.log(line);

interface Targets {
  /** Node elementIds to expand and to find paths between. */
  ids: string[];
  /** Words that search finds. */
  words: string[];
}

interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
  /** Heap in use right after a full collection (every 5 s). */
  retained?: number;
}

/** LOAD_ONLY=search|expand|paths|console runs one kind alone (to see what each costs). */
const ONLY = { search: 0.2, expand: 0.55, paths: 0.8, console: 0.95 }[process.env.LOAD_ONLY ?? ''];

/** The mix: 40% search, 30% expand, 15% paths, 15% console. */
function requestFor(targets: Targets, next: () => number): { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> } {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const roll = ONLY ?? next();
  if (roll < 0.4) return { method: 'GET', path: `/api/search?q=${encodeURIComponent(pick(targets.words))}&limit=10` };
  if (roll < 0.7) return { method: 'GET', path: `/api/nodes/${encodeURIComponent(pick(targets.ids))}/neighbors?limit=25` };
  if (roll < 0.85) {
    const from = pick(targets.ids);
    const to = pick(targets.ids.filter((id) => id !== from));
    return { method: 'GET', path: `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxHops=3` };
  }
  return {
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'MATCH (n)-[r]-(m) WHERE elementId(n) = $id RETURN n, r, m LIMIT 25', params: { id: pick(targets.ids) } }),
  };
}

async function startApi(connection: Neo4jConnection): Promise<{ url: string; child: ChildProcess; memory: MemorySample[] }> {
  const port = await freePort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
  const child = fork(path.join(__dirname, 'load-server.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...clean,
      NEO4J_URI: connection.uri,
      NEO4J_PASSWORD: connection.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The clients all come from 127.0.0.1: a limit meant per person would turn most console queries into 429s.
      CONSOLE_RATE_LIMIT: '0',
      // Neo4j, the API and the 50 clients share 2 cores here: a few queries at once, the rest queued.
      NEO4J_MAX_CONCURRENT: process.env.LOAD_MAX_CONCURRENT ?? '4',
      NEO4J_QUEUE_TIMEOUT_MS: process.env.LOAD_QUEUE_TIMEOUT_MS ?? '5000',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const memory: MemorySample[] = [];
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: { ready?: boolean; rss?: number; heapUsed?: number; retained?: number }) => {
      if (message.ready) resolve();
      if (message.rss) memory.push({ at: Date.now(), rss: message.rss, heapUsed: message.heapUsed ?? 0, retained: message.retained });
    });
    child.once('exit', (code) => reject(new Error(`The API exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, memory };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

async function run(name: string, connection: Neo4jConnection, targets: Targets): Promise<boolean> {
  const api = await startApi(connection);
  try {
    // Warm-up: a few seconds at low concurrency, not measured.
    const next = random(42);
    await autocannon({ url: api.url, connections: 4, duration: 3, requests: [{ setupRequest: (request) => ({ ...request, ...requestFor(targets, next) }) }] });
    api.memory.length = 0;
    const began = Date.now();
    const result = await autocannon({
      url: api.url,
      connections: CLIENTS,
      duration: SECONDS,
      requests: [{ setupRequest: (request) => ({ ...request, ...requestFor(targets, next) }) }],
    });
    const first = api.memory.filter((sample) => sample.at - began <= 10_000);
    const last = api.memory.filter((sample) => sample.at >= began + (SECONDS - 10) * 1000);
    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
    const byStatus = Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0] as const);
    const statuses = byStatus.map(([status, count]) => `${status}: ${count}`).join(', ');
    const failures = byStatus.filter(([status]) => Number(status) >= 500 && status !== '503').reduce((sum, [, count]) => sum + count, 0);
    log(`\n${name}: ${CLIENTS} clients, ${SECONDS} s`);
    log(`  throughput ${result.requests.average.toFixed(0)} requests/s (${result.requests.total} in all), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    log(`  answers by status: ${statuses}; errors (no answer) ${result.errors}, timeouts ${result.timeouts}; 5xx other than 503: ${failures}`);
    const retained = (samples: MemorySample[]): number => mean(samples.flatMap((sample) => (sample.retained === undefined ? [] : [sample.retained])));
    log(`  API memory, first 10 s vs last 10 s: RSS ${mb(mean(first.map((s) => s.rss)))} → ${mb(mean(last.map((s) => s.rss)))} MB, heap used ${mb(mean(first.map((s) => s.heapUsed)))} → ${mb(mean(last.map((s) => s.heapUsed)))} MB, heap after a full GC ${mb(retained(first))} → ${mb(retained(last))} MB`);
    return failures === 0 && result.errors === 0;
  } finally {
    api.child.disconnect();
    await new Promise((resolve) => api.child.once('exit', resolve));
  }
}

async function seedTargets(database: Database): Promise<Targets> {
  const result = await database.readStatement('MATCH (n) WHERE n.name IS NOT NULL RETURN elementId(n) AS id, n.name AS name');
  return {
    ids: result.records.map((record) => String(record.get('id'))),
    words: result.records.map((record) => String(record.get('name')).split(' ')[0]!.slice(0, 6)),
  };
}

async function main(): Promise<void> {
  let ok = true;
  const datasets = (process.env.LOAD_DATASETS ?? 'seed,1m').split(',');
  // The seed data, in a throwaway Neo4j.
  const seedNeo4j = datasets.includes('seed') ? await createThrowawayNeo4j('load') : null;
  if (seedNeo4j) try {
    const database = Database.create(seedNeo4j.connection, loadQueries(), { queryTimeoutMs: 60_000, userAgent: 'fingraph-load' });
    await loadSeed(database);
    const targets = await seedTargets(database);
    await database.close();
    ok = (await run('Seed data (30 nodes)', seedNeo4j.connection, targets)) && ok;
  } finally {
    await seedNeo4j.remove();
  }

  // The 1M-node bench graph.
  if (!datasets.includes('1m')) return;
  if (!fs.existsSync(path.join(BENCH_HOME, 'data'))) {
    log('\nThe 1M-node graph is not there: run `npm run bench:api` once to generate it (neo4j/bench-data), then this again.');
  } else {
    const port = await freePort();
    await stopLocalNeo4j(BENCH_HOME);
    await startLocalNeo4j({ boltPort: port, home: BENCH_HOME, heap: '4g', pageCache: '4g' }, { password: 'fingraph-bench', exitWithParent: true });
    const connection: Neo4jConnection = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'fingraph-bench', database: undefined };
    try {
      const database = Database.create(connection, loadQueries(), { queryTimeoutMs: 60_000, userAgent: 'fingraph-load' });
      const next = random(7);
      const bids = Array.from({ length: 2_000 }, () => 3 + Math.floor(next() * 999_000));
      const found = await database.readStatement('MATCH (n:Item) WHERE n.bid IN $bids RETURN elementId(n) AS id', { bids });
      await database.close();
      const targets = { ids: found.records.map((record) => String(record.get('id'))), words: bids.slice(0, 500).map((bid) => nodeName(bid).split(' ')[0]!) };
      if (targets.ids.length === 0) log('\nThe bench graph is empty: run `npm run bench:api` to generate it.');
      else ok = (await run('1M-node graph (5M relationships)', connection, targets)) && ok;
    } finally {
      await stopLocalNeo4j(BENCH_HOME);
    }
  }
  if (!ok) {
    log('\nFAILED: some answers were 5xx (other than 503) or missing.');
    process.exitCode = 1;
  }
}

void main();
