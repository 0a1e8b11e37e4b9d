import { Database, loadQueries } from '../server/neo4j/index.ts';
import { getNeighbors } from '../server/services/nodes.ts';
const db = Database.create({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'fingraph-local', database: 'neo4j' } as never, loadQueries(), { queryTimeoutMs: 30000, userAgent: 'x' } as never);
const id = decodeURIComponent(process.argv[2]!);
const times: number[] = []; const j: number[] = [];
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  const page = await getNeighbors(db, id, { type: null, direction: 'both', label: null, limit: 100, cursor: null } as never);
  const t2 = performance.now();
  JSON.stringify(page);
  if (i >= 10) { times.push(t2 - t); j.push(performance.now() - t2); }
}
times.sort((a, b) => a - b); j.sort((a, b) => a - b);
console.log('service p50', times[25]!.toFixed(1), 'p95', times[47]!.toFixed(1), 'json p50', j[25]!.toFixed(2));
await db.close();
