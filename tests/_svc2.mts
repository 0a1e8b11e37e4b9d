import neo4j from 'neo4j-driver';
import { Database, loadQueries } from '../server/neo4j/index.ts';
import { getNeighbors } from '../server/services/nodes.ts';
const db = Database.create({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'fingraph-local', database: 'neo4j' } as never, loadQueries(), { queryTimeoutMs: 30000, userAgent: 'x' } as never);
const id = decodeURIComponent(process.argv[2]!);
const orig = (db as any).runRaw.bind(db);
const driver = (db as any).driver;
const auto = async (s: string, p: any, m: any) => { const session = driver.session({ database: 'neo4j', defaultAccessMode: m === 'READ' ? neo4j.session.READ : neo4j.session.WRITE }); try { return await session.run(s, p, { timeout: 30000 }); } finally { await session.close(); } };
for (const round of [1, 2]) for (const [name, fn] of [['executeQuery', orig], ['autocommit', auto]] as const) {
  (db as any).runRaw = fn;
  const times: number[] = [];
  for (let i = 0; i < 100; i++) { const t = performance.now(); await getNeighbors(db, id, { type: null, direction: 'both', label: null, limit: 100, cursor: null } as never); if (i >= 20) times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(round, name, 'p50', times[40]!.toFixed(2), 'p90', times[72]!.toFixed(2));
}
await db.close();
