/**
 * `npm run bench`: the graph API on a synthetic graph of 1M nodes and 5M relationships with
 * power-law degrees and supernodes (BENCH_NODES, BENCH_RELATIONSHIPS to change), in its own database
 * folder (neo4j/bench-data, kept between runs). Prints p50/p95/p99 of each route next to the same
 * Cypher run directly through the driver, and the generator's load rate.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { PROJECT_ROOT } from '../../server/config';
import { freePort, installRuntime, startLocalNeo4j, stopLocalNeo4j } from '../../server/local-neo4j';
import { allowedIdentifier, cypher, Database, integer, loadQueries, renderTemplate } from '../../server/neo4j';
import { degreeLookups, groupShapes, neighborCursor, planPage, WALK_LIMIT } from '../../server/services/nodes';
import { luceneQuery } from '../../server/services/search';
import { SCAN_BUDGET, scanGroups } from '../../server/services/search-plan';
import { generate, nodeName, random, type GraphSize } from './generate';

const size: GraphSize = {
  nodes: Number(process.env.BENCH_NODES ?? 1_000_000),
  relationships: Number(process.env.BENCH_RELATIONSHIPS ?? 5_000_000),
  supernodes: 3,
  supernodeDegree: Math.min(120_000, Math.floor(Number(process.env.BENCH_RELATIONSHIPS ?? 5_000_000) / 20)),
};
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const HOME = path.join(PROJECT_ROOT, 'neo4j', 'bench-data');
const PASSWORD = 'fingraph-bench';
const log = (line: string): void => console.log(line);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Times the API and the driver alternately, request by request, so that both see the same state of
 * Neo4j (its caches and JIT warm up as the run goes on), after 20 warm-up rounds.
 */
async function measurePair(api: (i: number) => Promise<unknown>, raw: (i: number) => Promise<unknown>): Promise<{ api: Figures; raw: Figures }> {
  for (let i = 0; i < 20; i += 1) {
    await raw(i + 100_000);
    await api(i + 100_000);
  }
  const times = { api: [] as number[], raw: [] as number[] };
  const timed = async (run: (i: number) => Promise<unknown>, i: number, into: number[]): Promise<void> => {
    const began = process.hrtime.bigint();
    await run(i);
    into.push(Number(process.hrtime.bigint() - began) / 1e6);
  };
  for (let i = 0; i < ITERATIONS; i += 1) {
    if (i % 2 === 0) {
      await timed(raw, i, times.raw);
      await timed(api, i, times.api);
    } else {
      await timed(api, i, times.api);
      await timed(raw, i, times.raw);
    }
  }
  const figures = (list: number[]): Figures => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 50), p95: percentile(list, 95), p99: percentile(list, 99) };
  };
  return { api: figures(times.api), raw: figures(times.raw) };
}

async function main(): Promise<void> {
  await installRuntime(log);
  fs.mkdirSync(HOME, { recursive: true });
  const port = await freePort();
  await stopLocalNeo4j(HOME);
  await startLocalNeo4j({ boltPort: port, home: HOME, heap: '4g', pageCache: '4g' }, { password: PASSWORD, exitWithParent: true });
  const database = Database.create({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: PASSWORD, database: undefined }, loadQueries(), {
    queryTimeoutMs: 120_000,
    userAgent: 'fingraph-bench',
  });
  try {
    await database.verify();
    const marker = await database.readStatement('MATCH (m:BenchMeta) RETURN m.nodes AS nodes, m.relationships AS relationships, m.load AS load');
    let load: { nodesPerSecond: number; relationshipsPerSecond: number };
    const existing = marker.records[0];
    if (existing && Number(existing.get('nodes')) === size.nodes && Number(existing.get('relationships')) === size.relationships) {
      load = JSON.parse(String(existing.get('load'))) as typeof load;
      log(`Reusing the generated graph in ${HOME} (delete the folder to generate again).`);
    } else {
      log(`Generating ${size.nodes} nodes and ${size.relationships} relationships in ${HOME}...`);
      await database.runStatement('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      load = await generate(database, size, log);
      await database.runStatement('CREATE (:BenchMeta {nodes: $nodes, relationships: $relationships, load: $load})', {
        nodes: size.nodes,
        relationships: size.relationships,
        load: JSON.stringify(load),
      });
    }

    // Names that no full-text index covers: 250,000 Account nodes of their own (not Items), added once.
    const accounts = Math.floor(size.nodes / 4);
    const haveAccounts = Number((await database.readStatement('MATCH (n:Account) RETURN count(n) AS n')).records[0]?.get('n'));
    if (haveAccounts !== accounts) {
      log(`Adding ${accounts} Account nodes (named, no full-text index)...`);
      await database.runStatement('MATCH (n:Account) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      for (let start = 0; start < accounts; start += 50_000) {
        const rows = Array.from({ length: Math.min(50_000, accounts - start) }, (_, k) => ({ name: nodeName(start + k + 7), iban: `DE${String(start + k).padStart(20, '0')}` }));
        await database.runStatement('UNWIND $rows AS row CREATE (:Account {name: row.name, iban: row.iban})', { rows });
      }
    }

    const app = createApp({ database, apiVersion: 'bench' });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    // A plain keep-alive HTTP client: fetch's own client-side cost (about 1.5 ms here) is not the API's.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (url: string): Promise<void> =>
      new Promise((resolve, reject) => {
        http
          .get(url, { agent }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${response.statusCode}: ${Buffer.concat(chunks).toString()}`))));
          })
          .on('error', reject);
      });

    const ids = async (query: string): Promise<string[]> => (await database.readStatement(query)).records.map((record) => String(record.get('id')));
    const hubs = await ids(`MATCH (n:Item) WHERE n.bid < ${size.supernodes} RETURN elementId(n) AS id ORDER BY n.bid`);
    const pick = random(7);
    const ordinaryBids = Array.from({ length: 300 }, () => size.supernodes + 1000 + Math.floor(pick() * (size.nodes - size.supernodes - 1000)));
    const ordinary = (await database.readStatement('UNWIND $bids AS bid MATCH (n:Item {bid: bid}) RETURN elementId(n) AS id', { bids: ordinaryBids })).records.map((r) => String(r.get('id')));
    const degree = Number((await database.readStatement(`MATCH (n) WHERE elementId(n) = $id RETURN COUNT { (n)--() } AS d`, { id: hubs[0] })).records[0]?.get('d'));
    log(`Supernode degree: ${degree}; ${ordinary.length} ordinary nodes sampled.`);

    const queries = loadQueries();
    const types = ['COMPETES_WITH', 'DISTRIBUTES', 'OFFERS', 'OWNS', 'PARTNERS_WITH'];
    const typeSet = new Set(types);
    const allGroups = groupShapes(types, 'both');
    const nodeQuery = renderTemplate(queries['nodes/node'], { degrees: degreeLookups(allGroups, typeSet) });
    // What the service runs for a page without a label filter: the total with each group's size
    // (and the page itself on sparse nodes), then, on dense nodes, each group's slice.
    const walkQuery = renderTemplate(queries['nodes/neighbors'], { pattern: cypher`-[r]-`, labelFilter: cypher``, groupSizes: degreeLookups(allGroups, typeSet) });
    const sliceQuery = (type: string, direction: 'out' | 'in'): string => {
      const name = allowedIdentifier(type, typeSet);
      return renderTemplate(queries['nodes/neighbors-group'], { pattern: direction === 'out' ? cypher`-[r:${name}]->` : cypher`<-[r:${name}]-` });
    };
    const rawPage = async (id: string, offset: number): Promise<void> => {
      const walked = (await database.readStatement(walkQuery, { id, skip: integer(offset), limit: integer(25), walkLimit: integer(WALK_LIMIT) })).records[0];
      if (Number(walked?.get('total')) <= WALK_LIMIT) return;
      const sizes = (walked?.get('groupSizes') as unknown[]).map(Number);
      const groups = allGroups.map((shape, index) => ({ ...shape, size: sizes[index] ?? 0 }));
      for (const { group, skip, take } of planPage(groups, offset, 25)) {
        await database.readStatement(sliceQuery(group.type, group.direction), { id, skip: integer(skip), limit: integer(take) });
      }
    };
    const skipQuery = renderTemplate(queries['nodes/neighbors'], { pattern: cypher`-[r]-`, labelFilter: cypher``, groupSizes: cypher`[]` });
    const pathsQuery = renderTemplate(queries['paths/shortest'], { types: cypher``, maxHops: { kind: 'integer', value: 4, min: 1, max: 10 } });
    const word = (i: number): string => nodeName(Math.floor(random(i)() * size.nodes)).split(' ')[0]!;
    const at = <T>(list: T[], i: number): T => list[i % list.length]!;
    const deep = Math.min(100_000, Math.floor(size.supernodeDegree * 0.8));

    // A typo: the word with its second and third letters swapped (one edit).
    const typo = (i: number): string => {
      const w = word(i);
      return w.length >= 4 ? `${w[0]}${w[2]}${w[1]}${w.slice(3)}` : w;
    };
    const scanQuery = renderTemplate(queries['search/scan'], { label: allowedIdentifier('Account', new Set(['Account'])) });
    const rawScan = (text: string): Promise<unknown> =>
      database.readStatement(scanQuery, { keys: ['name', 'iban'], text, words: text.split(' '), textGroups: scanGroups(text).text, wordGroups: scanGroups(text).words, fuzzyMin: integer(4), examine: integer(SCAN_BUDGET), candidates: integer(50) });
    const exactName = (i: number): string => nodeName(7 + (i * 7919) % accounts);

    const cases: { name: string; api: (i: number) => Promise<unknown>; raw: (i: number) => Promise<unknown> }[] = [
      {
        name: 'search (full-text), typo, label Item',
        api: (i) => get(`${base}/search?q=${encodeURIComponent(typo(i))}&label=Item&limit=10`),
        raw: (i) => database.readStatement(queries['search/fulltext'], { index: 'bench_names', query: luceneQuery(typo(i)), labels: ['Item'], limit: integer(50) }),
      },
      {
        name: `search, no index: scan of Account (${accounts} nodes, budget ${SCAN_BUDGET}), a full name`,
        api: (i) => get(`${base}/search?q=${encodeURIComponent(exactName(i))}&label=Account&limit=10`),
        raw: (i) => rawScan(exactName(i)),
      },
      {
        name: 'search, no index: scan of Account, a typo',
        api: (i) => get(`${base}/search?q=${encodeURIComponent(typo(i))}&label=Account&limit=10`),
        raw: (i) => rawScan(typo(i)),
      },
      {
        name: 'search, all labels (index for Items, scan of Account), a typo',
        api: (i) => get(`${base}/search?q=${encodeURIComponent(typo(i))}&limit=10`),
        raw: (i) => rawScan(typo(i)),
      },
      {
        name: 'search, all labels, two words (index for Items + scan of Account)',
        api: (i) => get(`${base}/search?q=${encodeURIComponent(`${word(i)} ${i % 997}`)}&limit=10`),
        raw: (i) => database.readStatement(queries['search/fulltext'], { index: 'bench_names', query: luceneQuery(`${word(i)} ${i % 997}`), labels: null, limit: integer(50) }),
      },
      { name: 'node + degrees', api: (i) => get(`${base}/nodes/${at(ordinary, i)}`), raw: (i) => database.readStatement(nodeQuery, { id: at(ordinary, i) }) },
      { name: 'node + degrees (supernode)', api: (i) => get(`${base}/nodes/${at(hubs, i)}`), raw: (i) => database.readStatement(nodeQuery, { id: at(hubs, i) }) },
      {
        name: 'neighbours, first page',
        api: (i) => get(`${base}/nodes/${at(ordinary, i)}/neighbors`),
        raw: (i) => rawPage(at(ordinary, i), 0),
      },
      {
        name: 'neighbours, first page (supernode)',
        api: (i) => get(`${base}/nodes/${at(hubs, i)}/neighbors`),
        raw: (i) => rawPage(at(hubs, i), 0),
      },
      {
        name: `neighbours, page at ${deep} (supernode)`,
        api: (i) => get(`${base}/nodes/${at(hubs, i)}/neighbors?cursor=${neighborCursor(at(hubs, i), { direction: 'both' }, deep)}`),
        raw: (i) => rawPage(at(hubs, i), deep),
      },
      {
        name: `(for comparison: one SKIP query over all relationships, page at ${deep})`,
        api: (i) => database.readStatement(skipQuery, { id: at(hubs, i), skip: integer(deep), limit: integer(25), walkLimit: null }),
        raw: (i) => database.readStatement(skipQuery, { id: at(hubs, i), skip: integer(deep), limit: integer(25), walkLimit: null }),
      },
      {
        name: 'paths, maxHops 4',
        api: (i) => get(`${base}/paths?from=${at(ordinary, i)}&to=${at(ordinary, i + 1)}&maxHops=4`),
        raw: (i) => database.readStatement(pathsQuery, { from: at(ordinary, i), to: at(ordinary, i + 1), cap: integer(26) }),
      },
    ];

    const rows: Record<string, unknown>[] = [];
    log(`\n${ITERATIONS} sequential requests each, API and driver alternating, after 20 warm-up rounds; times in ms.`);
    log('| operation | API p50 | API p95 | API p99 | driver p50 | driver p95 | driver p99 | p50 ratio |');
    log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const entry of cases) {
      const { api, raw } = await measurePair(entry.api, entry.raw);
      const ratio = api.p50 / raw.p50;
      rows.push({ operation: entry.name, api, raw, ratio });
      const f = (value: number): string => value.toFixed(1);
      log(`| ${entry.name} | ${f(api.p50)} | ${f(api.p95)} | ${f(api.p99)} | ${f(raw.p50)} | ${f(raw.p95)} | ${f(raw.p99)} | ${ratio.toFixed(2)} |`);
    }
    log(`\nGenerator load rate: ${Math.round(load.nodesPerSecond)} nodes/s, ${Math.round(load.relationshipsPerSecond)} relationships/s.`);
    const out = path.join(PROJECT_ROOT, 'bench-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'graph-api.json'), JSON.stringify({ size, iterations: ITERATIONS, load, supernodeDegree: degree, rows }, null, 2));
    agent.destroy();
    server.close();
  } finally {
    await database.close();
    await stopLocalNeo4j(HOME);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
