/**
 * The graph API on a database it was not designed around: Northwind (tests/fixtures/northwind),
 * with its own labels and types, no `name` property and no full-text index.
 */
import type { GraphNode, NeighborPage, NodeDetails, PathsResult, SchemaInfo, SearchResult } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { dropFintechSchema, getJson } from '../support/api';
import { emptyDatabase, openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { dropNorthwindIndexes, loadNorthwind } from '../support/northwind';

let database: Database;
let app: RunningApp;

beforeAll(async () => {
  database = openDatabase();
  await emptyDatabase(database);
  await dropFintechSchema((statement) => database.runStatement(statement));
  await loadNorthwind(database);
  app = await startApp(database);
});

afterAll(async () => {
  await app.close();
  await emptyDatabase(database);
  await dropNorthwindIndexes(database);
  await database.close();
});

async function nodeWhere(label: string, key: string, value: unknown): Promise<GraphNode> {
  const result = await database.runStatement(`MATCH (n:${label}) WHERE n[$key] = $value RETURN elementId(n) AS id`, { key, value });
  const id = String(result.records[0]?.get('id'));
  return (await getJson<NodeDetails>(`${app.url}/api/nodes/${id}`)).body.node;
}

test('the schema discovers Northwind: its labels, types, counts and naming properties', async () => {
  const { body } = await getJson<SchemaInfo>(`${app.url}/api/schema`);
  const labels = Object.fromEntries(body.labels.map((label) => [label.name, label]));
  expect(labels.Product).toMatchObject({ count: 77, nameProperty: 'productName' });
  expect(labels.Customer).toMatchObject({ count: 91, nameProperty: 'companyName' });
  expect(labels.Employee).toMatchObject({ count: 9, nameProperty: 'lastName' });
  expect(labels.Category).toMatchObject({ count: 8, nameProperty: 'categoryName' });
  const types = Object.fromEntries(body.relationshipTypes.map((type) => [type.name, type.count]));
  expect(types).toMatchObject({ ORDERS: 2155, PART_OF: 77, SUPPLIES: 77, PURCHASED: 830, SOLD: 830 });
  expect(body.relationshipTypes.find((type) => type.name === 'ORDERS')?.properties).toEqual(expect.arrayContaining(['quantity', 'unitPrice', 'discount']));
  expect(body.searchIndex).toBeNull();
});

test('search falls back to scanning the naming properties, ranking exact and prefix matches first', async () => {
  const { body } = await getJson<SearchResult>(`${app.url}/api/search?q=chai`);
  expect(body.method).toBe('scan');
  expect(body.hits[0]).toMatchObject({ matched: 'Chai' });
  const seafood = (await getJson<SearchResult>(`${app.url}/api/search?q=Seafood&label=Category`)).body;
  expect(seafood.hits.map((hit) => hit.node.properties.categoryName)).toEqual(['Seafood']);
});

test('a node shows its degree per type and direction', async () => {
  const chai = await nodeWhere('Product', 'productName', 'Chai');
  const { body } = await getJson<NodeDetails>(`${app.url}/api/nodes/${chai.id}`);
  expect(body.degrees).toEqual(
    expect.arrayContaining([
      { type: 'PART_OF', direction: 'out', count: 1 },
      { type: 'SUPPLIES', direction: 'in', count: 1 },
      { type: 'ORDERS', direction: 'in', count: 38 },
    ]),
  );
});

test.each([
  ['Customer', 'customerID', 'SAVEA'],
  ['Product', 'productName', 'Chai'],
  ['Employee', 'lastName', 'Fuller'],
])('paging through all neighbours of a %s (%s %s) gives each exactly once: no duplicates, no gaps', async (label, key, value) => {
  const customer = await nodeWhere(label, key, value);
  const expected = await database.runStatement(`MATCH (c:${label}) WHERE c[$key] = $value MATCH (c)-[r]-(o) RETURN count(r) AS total, collect(elementId(r)) AS edges, collect(DISTINCT elementId(o)) AS ids`, { key, value });
  const total = Number(expected.records[0]?.get('total'));
  expect(total).toBeGreaterThan(20);
  const seenEdges: string[] = [];
  const seenNodes: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `${app.url}/api/nodes/${customer.id}/neighbors?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
    const page: NeighborPage = (await getJson<NeighborPage>(query)).body;
    expect(page.total).toBe(total);
    expect(page.edges.length).toBeLessThanOrEqual(7);
    seenEdges.push(...page.edges.map((edge) => edge.id));
    seenNodes.push(...page.nodes.map((node) => node.id));
    cursor = page.cursor;
    pages += 1;
  } while (cursor !== null && pages < 100);
  expect(pages).toBe(Math.ceil(total / 7));
  expect(new Set(seenEdges).size).toBe(seenEdges.length);
  expect(seenEdges).toHaveLength(total);
  expect(new Set(seenEdges)).toEqual(new Set(expected.records[0]?.get('edges') as string[]));
  expect(new Set(seenNodes)).toEqual(new Set(expected.records[0]?.get('ids') as string[]));
});

test('the default page is 25 and the cursor leads on; the last page has no cursor', async () => {
  const chai = await nodeWhere('Product', 'productName', 'Chai');
  const first = (await getJson<NeighborPage>(`${app.url}/api/nodes/${chai.id}/neighbors?type=ORDERS`)).body;
  expect(first.total).toBe(38);
  expect(first.edges).toHaveLength(25);
  expect(first.cursor).not.toBeNull();
  const second = (await getJson<NeighborPage>(`${app.url}/api/nodes/${chai.id}/neighbors?type=ORDERS&cursor=${first.cursor}`)).body;
  expect(second.edges).toHaveLength(13);
  expect(second.cursor).toBeNull();
});

test('paths between two employees through the orders and reporting lines', async () => {
  const davolio = await nodeWhere('Employee', 'lastName', 'Davolio');
  const fuller = await nodeWhere('Employee', 'lastName', 'Fuller');
  const { body } = await getJson<PathsResult>(`${app.url}/api/paths?from=${davolio.id}&to=${fuller.id}&types=REPORTS_TO`);
  expect(body.length).toBe(1);
  expect(body.paths[0]?.edges[0]?.type).toBe('REPORTS_TO');
});
