/**
 * A synthetic graph for the benchmark: N nodes and about 5N relationships with power-law degrees
 * (most nodes have a handful, a few have tens of thousands) plus a few supernodes with over 100,000
 * neighbours each. Written over Bolt in batches; reports the load rate.
 */
import type { Database } from '../../server/neo4j';
import { seededRandom } from '../../client/src/graph/seeded-random';

export interface GraphSize {
  nodes: number;
  relationships: number;
  supernodes: number;
  supernodeDegree: number;
}

const LABELS = ['Company', 'Bank', 'Product', 'Regulator'];
const TYPES = ['PARTNERS_WITH', 'OFFERS', 'COMPETES_WITH', 'OWNS', 'DISTRIBUTES'];
const WORDS = ['alpha', 'nova', 'credit', 'union', 'pay', 'chain', 'cloud', 'capital', 'trust', 'mutual', 'quantum', 'river', 'harbor', 'summit', 'lotus', 'dragon', 'pearl', 'jade', 'silver', 'golden', 'orient', 'pacific', 'atlas', 'zenith'];

/** A deterministic pseudo-random generator (mulberry32, the explorer's own), so that every run builds the same graph. */
export const random = seededRandom;

export function nodeName(index: number): string {
  return `${WORDS[index % WORDS.length]} ${WORDS[Math.floor(index / WORDS.length) % WORDS.length]} ${index}`;
}

const BATCH = 50_000;

export async function generate(database: Database, size: GraphSize, log: (line: string) => void): Promise<{ nodesPerSecond: number; relationshipsPerSecond: number }> {
  await database.runStatement('CREATE CONSTRAINT bench_item_bid IF NOT EXISTS FOR (n:Item) REQUIRE n.bid IS UNIQUE');
  const nodesBegan = Date.now();
  for (let start = 0; start < size.nodes; start += BATCH) {
    const end = Math.min(size.nodes, start + BATCH);
    // One statement per label, with the label written in (a per-row dynamic label is much slower).
    for (const [offset, label] of LABELS.entries()) {
      const rows = [];
      for (let index = start + ((offset - (start % LABELS.length) + LABELS.length) % LABELS.length); index < end; index += LABELS.length) {
        rows.push({ bid: index, name: nodeName(index) });
      }
      await database.runStatement(`UNWIND $rows AS row CREATE (n:Item:${label} {bid: row.bid, name: row.name})`, { rows });
    }
    if ((start / BATCH) % 10 === 0) log(`  nodes ${end}/${size.nodes}`);
  }
  const nodeSeconds = (Date.now() - nodesBegan) / 1000;
  const next = random(42);
  const relationshipsBegan = Date.now();
  let written = 0;
  const supernodeTotal = size.supernodes * size.supernodeDegree;
  const ordinary = size.relationships - supernodeTotal;
  while (written < size.relationships) {
    const rows: { a: number; b: number; t: string }[] = [];
    while (rows.length < BATCH && written + rows.length < size.relationships) {
      const n = written + rows.length;
      if (n < supernodeTotal) {
        // Supernode k: its neighbours are spread over the whole graph.
        const hub = Math.floor(n / size.supernodeDegree);
        rows.push({ a: hub, b: size.supernodes + Math.floor(next() * (size.nodes - size.supernodes)), t: TYPES[n % TYPES.length]! });
      } else {
        // Power law: a uniform source, and a target drawn towards low numbers (u^4).
        const a = Math.floor(next() * size.nodes);
        const b = Math.min(size.nodes - 1, Math.floor(size.nodes * Math.pow(next(), 4)));
        rows.push({ a, b, t: TYPES[Math.floor(next() * TYPES.length)]! });
      }
    }
    // One statement per type, with the type written in (a per-row dynamic type is much slower).
    for (const type of TYPES) {
      const batch = rows.filter((row) => row.t === type).map(({ a, b }) => [a, b]);
      await database.runStatement(`UNWIND $rows AS row MATCH (a:Item {bid: row[0]}) MATCH (b:Item {bid: row[1]}) CREATE (a)-[:${type}]->(b)`, { rows: batch });
    }
    written += rows.length;
    if ((written / BATCH) % 25 === 0) log(`  relationships ${written}/${size.relationships} (${ordinary} power-law, ${supernodeTotal} on supernodes)`);
  }
  const relationshipSeconds = (Date.now() - relationshipsBegan) / 1000;
  // The full-text index is built once, after the load: keeping it up to date on every insert
  // would slow the load several times over.
  const indexBegan = Date.now();
  await database.runStatement('CREATE FULLTEXT INDEX bench_names IF NOT EXISTS FOR (n:Item) ON EACH [n.name]');
  await database.runStatement('CALL db.awaitIndexes(1800)');
  log(`  full-text index built in ${((Date.now() - indexBegan) / 1000).toFixed(0)} s`);
  return { nodesPerSecond: size.nodes / nodeSeconds, relationshipsPerSecond: size.relationships / relationshipSeconds };
}
