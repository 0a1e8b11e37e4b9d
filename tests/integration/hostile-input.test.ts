/**
 * Bad and hostile input to every graph route: 400 or 404 problem+json that says what was wrong,
 * never spliced into Cypher, and the database unchanged (checked by its fingerprint).
 */
import type { GraphNode, Problem, SearchResult } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { getJson } from '../support/api';
import { fingerprint, loadSeed, openDatabase, type Fingerprint } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
let app: RunningApp;
let before: Fingerprint;
let tencent: GraphNode;
let huaxia: GraphNode;

const HOSTILE = ["'}) DETACH DELETE n //", '`) DETACH DELETE n //', 'Bank`) DETACH DELETE n //', '" OR 1=1 --', '${7*7}', '<img src=x onerror=alert(1)>'];

beforeAll(async () => {
  database = openDatabase();
  await loadSeed(database);
  app = await startApp(database);
  const find = async (q: string) => (await getJson<SearchResult>(`${app.url}/api/search?q=${encodeURIComponent(q)}&limit=1`)).body.hits[0]!.node;
  tencent = await find('Tencent');
  huaxia = await find('Huaxia');
  before = await fingerprint(database);
});

afterAll(async () => {
  expect(await fingerprint(database)).toEqual(before);
  await app.close();
  await database.close();
});

async function expectProblem(path: string, status: number, detail: string | RegExp): Promise<void> {
  const { status: actual, body, type } = await getJson<Problem>(`${app.url}${path}`);
  expect({ path, status: actual }).toEqual({ path, status });
  expect(type).toContain('application/problem+json');
  expect(body.detail).toMatch(detail);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+|Neo4jError/);
}

const q = encodeURIComponent;

test.each(HOSTILE)('a hostile search text %j is only searched for, never run', async (text) => {
  const { status, body } = await getJson<SearchResult>(`${app.url}/api/search?q=${q(text)}`);
  expect(status).toBe(200);
  expect(Array.isArray(body.hits)).toBe(true);
  expect(await fingerprint(database)).toEqual(before);
});

test.each(HOSTILE)('a hostile label or type %j is refused as unknown, naming the known ones', async (name) => {
  await expectProblem(`/api/search?q=bank&label=${q(name)}`, 400, /Unknown label .*Its labels are .*Bank/);
  await expectProblem(`/api/nodes/${tencent.id}/neighbors?type=${q(name)}`, 400, /Unknown type .*Its types are .*PARTNERS_WITH/);
  await expectProblem(`/api/nodes/${tencent.id}/neighbors?label=${q(name)}`, 400, /Unknown label/);
  await expectProblem(`/api/paths?from=${tencent.id}&to=${huaxia.id}&types=${q(name)}`, 400, /Unknown type in types/);
});

test.each([
  ['/api/nodes/not-an-id', 400, /is not a Neo4j elementId/],
  [`/api/nodes/${q("4:x:1' OR 1=1")}`, 400, /is not a Neo4j elementId/],
  ['/api/nodes/4:00000000-0000-0000-0000-000000000000:999999', 404, /There is no node with id/],
  ['/api/relationships/5:00000000-0000-0000-0000-000000000000:999999', 404, /There is no relationship with id/],
  ['/api/relationships/banana', 400, /is not a Neo4j elementId/],
  ['/api/search', 400, /Parameter 'q' is required/],
  ['/api/search?q=%20%20', 400, /Parameter 'q' is required/],
  [`/api/search?q=${'x'.repeat(10_000)}`, 400, /^Search text is too long \(at most 200 characters; this one has 10,000\)/],
  ['/api/search?q=a%00b', 400, /control characters \(such as NUL\)/],
  ['/api/search?q=a&q=b', 400, /must be given once/],
  ['/api/search?q=a&limit=0', 400, /'limit' is 0; it must be between 1 and 100/],
  ['/api/search?q=a&limit=1000', 400, /between 1 and 100/],
  ['/api/paths?from=&to=', 400, /Parameter 'from' is required/],
])('%s answers %i with a problem that says what was wrong', async (path, status, detail) => {
  await expectProblem(path, status, detail);
});

test('neighbour parameters out of range or malformed are refused', async () => {
  const base = `/api/nodes/${tencent.id}/neighbors`;
  await expectProblem(`${base}?limit=501`, 400, /'limit' is 501; it must be between 1 and 500/);
  await expectProblem(`${base}?limit=-1`, 400, /whole number/);
  await expectProblem(`${base}?direction=sideways`, 400, /'direction' must be one of out, in, both/);
  await expectProblem(`${base}?cursor=${q("'; DROP")}`, 400, /not a cursor this API gave out/);
  const huaxiaCursor = Buffer.from(JSON.stringify([1, 'forged'])).toString('base64url');
  await expectProblem(`${base}?cursor=${huaxiaCursor}`, 400, /belongs to another node/);
});

test('path parameters: the same node twice, maxHops out of range, an unknown node', async () => {
  await expectProblem(`/api/paths?from=${tencent.id}&to=${tencent.id}`, 400, /are the same node/);
  await expectProblem(`/api/paths?from=${tencent.id}&to=${huaxia.id}&maxHops=11`, 400, /'maxHops' is 11; it must be between 1 and 10/);
  await expectProblem(`/api/paths?from=${tencent.id}&to=${huaxia.id}&maxHops=${q('3]-(b) DETACH DELETE a //')}`, 400, /'maxHops' must be a whole number/);
  await expectProblem(`/api/paths?from=${tencent.id}&to=4:00000000-0000-0000-0000-000000000000:999999`, 404, /parameter 'to'/);
});
