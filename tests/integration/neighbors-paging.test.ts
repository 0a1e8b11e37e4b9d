/**
 * Paging a dense node (more relationships than WALK_LIMIT, so pages are read by relationship
 * group): every relationship exactly once, no gaps, across types and both directions.
 */
import type { NeighborPage, NodeDetails } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { WALK_LIMIT } from '../../server/services/nodes';
import { getJson } from '../support/api';
import { emptyDatabase, openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
let app: RunningApp;
let hub: string;
const LEAVES = WALK_LIMIT + 700;

beforeAll(async () => {
  database = openDatabase();
  await emptyDatabase(database);
  // Leaves i: i % 3 picks the type, i % 2 the direction; a few leaves have two relationships.
  await database.runStatement(
    `CREATE (h:Hub {name: 'hub'})
     WITH h
     UNWIND range(0, $leaves - 1) AS i
     CREATE (l:Leaf {name: 'leaf ' + i})
     WITH h, l, i
     CALL (h, l, i) {
       WITH h, l, i WHERE i % 3 = 0 AND i % 2 = 0 CREATE (h)-[:ALPHA]->(l)
       UNION WITH h, l, i WHERE i % 3 = 0 AND i % 2 = 1 CREATE (l)-[:ALPHA]->(h)
       UNION WITH h, l, i WHERE i % 3 = 1 CREATE (h)-[:BETA]->(l)
       UNION WITH h, l, i WHERE i % 3 = 2 CREATE (l)-[:GAMMA]->(h)
       UNION WITH h, l, i WHERE i % 500 = 0 CREATE (h)-[:GAMMA]->(l)
     }`,
    { leaves: LEAVES },
  );
  hub = String((await database.runStatement("MATCH (h:Hub) RETURN elementId(h) AS id")).records[0]?.get('id'));
  app = await startApp(database);
});

afterAll(async () => {
  await app.close();
  await emptyDatabase(database);
  await database.close();
});

async function pageThrough(query: string, limit: number): Promise<{ edges: string[]; total: number; pages: number }> {
  const edges: string[] = [];
  let cursor: string | null = null;
  let total: number;
  let pages = 0;
  do {
    const url: string = `${app.url}/api/nodes/${hub}/neighbors?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const { status, body } = await getJson<NeighborPage>(url);
    expect(status).toBe(200);
    total = body.total;
    edges.push(...body.edges.map((edge) => edge.id));
    cursor = body.cursor;
    pages += 1;
  } while (cursor !== null && pages < 1_000);
  return { edges, total, pages };
}

async function expected(pattern: string): Promise<string[]> {
  const result = await database.runStatement(`MATCH (h:Hub)${pattern}() RETURN collect(elementId(r)) AS ids`);
  return result.records[0]?.get('ids') as string[];
}

test('all neighbours of a dense node, 500 a page, come exactly once across all groups', async () => {
  const { edges, total, pages } = await pageThrough('', 500);
  const all = await expected('-[r]-');
  expect(total).toBe(all.length);
  expect(total).toBeGreaterThan(WALK_LIMIT);
  expect(pages).toBe(Math.ceil(total / 500));
  expect(edges).toHaveLength(total);
  expect(new Set(edges)).toEqual(new Set(all));
});

test('outgoing only, and one type only, page just as completely', async () => {
  const out = await pageThrough('&direction=out', 333);
  expect(new Set(out.edges)).toEqual(new Set(await expected('-[r]->')));
  expect(out.edges).toHaveLength(out.total);
  const alpha = await pageThrough('&type=ALPHA', 250);
  expect(new Set(alpha.edges)).toEqual(new Set(await expected('-[r:ALPHA]-')));
  expect(alpha.edges).toHaveLength(alpha.total);
});

test("the node's degree list agrees with the pages", async () => {
  const { body } = await getJson<NodeDetails>(`${app.url}/api/nodes/${hub}`);
  const { total } = (await getJson<NeighborPage>(`${app.url}/api/nodes/${hub}/neighbors?limit=1`)).body;
  expect(body.degree).toBe(total);
});
