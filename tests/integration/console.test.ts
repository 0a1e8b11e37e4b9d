/**
 * The Cypher console's endpoint against real Neo4j: typed results, and every hostile query the
 * issue lists refused or stopped with a clear error, the database unchanged, the server answering.
 */
import type { ConsoleResult, ConsoleSchema, ConsoleValue, Problem } from '../../server/contract';
import { ALLOWED_PROCEDURES } from '../../server/services/console/guard';
import { postJson } from '../support/api';
import { fingerprint, loadSeed, openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import type { Database } from '../../server/neo4j';
import { createApp } from '../../server/app';
import type { AddressInfo } from 'node:net';

let database: Database;
let app: RunningApp;
let strict: { url: string; close(): void };

beforeAll(async () => {
  database = openDatabase();
  await loadSeed(database);
  app = await startApp(database);
  // The same app with tight limits, for the timeout and truncation cases.
  const server = createApp({ database, apiVersion: 'test', consoleRate: null, consoleLimits: { timeoutMs: 2_000, maxRows: 50, maxElements: 20 } }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  strict = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
});

afterAll(async () => {
  strict?.close();
  await app?.close();
  await database?.close();
});

/** Console transactions running on the server now (by the metadata the console sets). */
async function consoleTransactions(): Promise<number> {
  const result = await database.runStatement("SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'fingraph-console' RETURN count(*) AS n");
  return Number(result.records[0]?.get('n'));
}

const run = <T = ConsoleResult>(query: unknown, params?: unknown, base = app.url): Promise<{ status: number; body: T }> =>
  postJson<T>(`${base}/api/query`, params === undefined ? { query } : { query, params });

const cell = <T extends ConsoleValue['type']>(type: T, value: unknown): ConsoleValue => ({ type, value }) as ConsoleValue;

test('a read query answers with columns, typed rows and the graph found in them', async () => {
  const { status, body } = await run(
    `MATCH p = (t:Company {id: 'tencent'})-[:OWNS]->(w:Bank)
     RETURN t.name AS name, t.blockchainSince AS since, date('2018-03-01') AS day, [w, t] AS nodes, p AS path, {bank: w.name, n: 2} AS map, $x AS x`,
    { x: 41 },
  );
  expect(status).toBe(200);
  expect(body.columns).toEqual(['name', 'since', 'day', 'nodes', 'path', 'map', 'x']);
  const [row] = body.rows;
  // The seed stores years as FLOATs (JSON numbers); the type says so.
  expect(row?.slice(0, 3)).toEqual([cell('string', 'Tencent Holdings Ltd'), cell('float', 2015), { type: 'temporal', temporal: 'Date', value: '2018-03-01' }]);
  const nodes = row?.[3] as Extract<ConsoleValue, { type: 'list' }>;
  expect(nodes.value.map((item) => [item.type, item.type === 'node' ? item.value.properties.name : null])).toEqual([
    ['node', 'WeBank'],
    ['node', 'Tencent Holdings Ltd'],
  ]);
  expect(row?.[4]).toMatchObject({ type: 'path', value: { edges: [{ type: 'OWNS' }] } });
  expect(row?.[5]).toEqual(cell('map', { bank: cell('string', 'WeBank'), n: cell('integer', 2) }));
  // A JSON number parameter is a FLOAT to Neo4j.
  expect(row?.[6]).toEqual(cell('float', 41));
  expect(body.graph.nodes.map((node) => node.properties.name).sort()).toEqual(['Tencent Holdings Ltd', 'WeBank']);
  expect(body.graph.edges.map((edge) => edge.type)).toEqual(['OWNS']);
  expect(body).toMatchObject({ rowCount: 1, truncated: { rows: false, graph: false } });
  expect(body.elapsedMs).toBeGreaterThanOrEqual(0);
});

test('every value comes with its type beside it: temporals, durations, big integers, points, maps and lists', async () => {
  const { body } = await run(
    "RETURN datetime('2019-05-01T10:00:00Z') AS at, duration('P1Y2M') AS span, duration('P3DT4H0.5S') AS short, 9007199254740993 AS big, point({x: 1, y: 2}) AS point, {since: date('2020-01-01')} AS map, [localtime('12:30')] AS list, 1.5 AS float, null AS nothing",
  );
  expect(body.rows[0]).toEqual([
    { type: 'temporal', temporal: 'DateTime', value: '2019-05-01T10:00:00Z' },
    { type: 'temporal', temporal: 'Duration', value: 'P1Y2M' },
    { type: 'temporal', temporal: 'Duration', value: 'P3DT4H0.5S' },
    cell('integer', '9007199254740993'),
    cell('point', { srid: 7203, x: 1, y: 2 }),
    cell('map', { since: { type: 'temporal', temporal: 'Date', value: '2020-01-01' } }),
    cell('list', [{ type: 'temporal', temporal: 'LocalTime', value: '12:30:00' }]),
    cell('float', 1.5),
    cell('null', null),
  ]);
});

test('regression (issue 14): data shaped like a node, a relationship or a path is a map, never a graph element, and the graph has none of it', async () => {
  const lookalikes = {
    node: { $kind: 'node', id: 'x', labels: ['Company'], properties: {} },
    relationship: { $kind: 'relationship', id: 'r', type: 'OWNS', source: 'x', target: 'y', properties: {} },
    path: { $kind: 'path', nodes: [{ $kind: 'node', id: 'x', labels: [], properties: {} }], edges: [] },
    typed: { type: 'node', value: { id: 'x', labels: ['Company'], properties: {} } },
  };
  const { status, body } = await run(
    "RETURN {`$kind`: 'node', id: 'x', labels: ['Company'], properties: {}} AS literal, $node AS node, $relationship AS relationship, $path AS path, $typed AS typed, [$node] AS list",
    lookalikes,
  );
  expect(status).toBe(200);
  expect(body.rows[0]!.map((value) => value.type)).toEqual(['map', 'map', 'map', 'map', 'map', 'list']);
  expect(body.rows[0]![0]).toEqual(cell('map', { $kind: cell('string', 'node'), id: cell('string', 'x'), labels: cell('list', [cell('string', 'Company')]), properties: cell('map', {}) }));
  expect((body.rows[0]![5] as Extract<ConsoleValue, { type: 'list' }>).value[0]!.type).toBe('map');
  expect(body.graph).toEqual({ nodes: [], edges: [] });
});

test('allowed procedures run; rows and graph elements are capped with truncated flags', async () => {
  expect((await run('CALL db.labels() YIELD label RETURN label ORDER BY label')).body.rows.map((row) => row[0]!.value)).toContain('Bank');
  const rows = await run('MATCH (a), (b) RETURN a.id, b.id', undefined, strict.url);
  expect(rows.status).toBe(200);
  expect(rows.body.rowCount).toBe(50);
  expect(rows.body.truncated.rows).toBe(true);
  const graph = await run('MATCH (n)-[r]->(m) RETURN n, r, m', undefined, strict.url);
  expect(graph.body.graph.nodes.length + graph.body.graph.edges.length).toBe(20);
  expect(graph.body.truncated.graph).toBe(true);
});

test('errors from Neo4j come with their code, Neo4j\'s words, and a position only where the server gives one in its diagnostic record', async () => {
  const syntax = await run<Problem>('MATCH (n RETURN n');
  expect(syntax.status).toBe(400);
  expect(syntax.body.code).toBe('Neo.ClientError.Statement.SyntaxError');
  expect(syntax.body.detail).toMatch(/^Invalid input 'RETURN'.*line 1, column \d+/);
  // Neo4j 5.26 sends no _position in its diagnostic record; the message text is never parsed for one.
  const info = await database.readStatement('CALL dbms.components() YIELD versions RETURN versions[0] AS version');
  if (String(info.records[0]?.get('version')).startsWith('5.26')) expect(syntax.body.position).toBeUndefined();
  else expect(syntax.body.position ?? { line: 1 }).toMatchObject({ line: 1 });
  const missing = await run<Problem>('RETURN $nope AS x');
  expect(missing.status).toBe(400);
  expect(missing.body.code).toBe('Neo.ClientError.Statement.ParameterMissing');
});

const HOSTILE: Array<[string, string, number, RegExp]> = [
  ['CREATE', "CREATE (:Company {id: 'evil'})", 403, /read-only.*writes/],
  ['MERGE', "MERGE (c:Company {id: 'tencent'}) SET c.name = 'x'", 403, /writes/],
  ['SET', "MATCH (c:Company) SET c.name = 'pwned'", 403, /writes/],
  ['DELETE', 'MATCH (c:Product) DELETE c', 403, /writes/],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', 403, /writes/],
  ['REMOVE', 'MATCH (c:Company) REMOVE c.name', 403, /writes/],
  ['CREATE INDEX', 'CREATE INDEX evil FOR (n:Company) ON (n.name)', 403, /administration command/],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT evil FOR (n:Company) REQUIRE n.x IS UNIQUE', 403, /administration command/],
  ['write inside CALL { }', "MATCH (c:Company) CALL (c) { SET c.name = 'x' } RETURN count(*)", 403, /writes/],
  ['FOREACH', "MATCH (c:Company) WITH collect(c) AS cs FOREACH (x IN cs | SET x.name = 'x')", 403, /writes/],
  ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 403, /LOAD CSV is not allowed/],
  ['LOAD CSV from http', "LOAD CSV FROM 'http://example.com/x.csv' AS line RETURN line", 403, /LOAD CSV is not allowed/],
  ['CALL dbms.*', 'CALL dbms.components()', 403, /procedure dbms.components is not allowed/],
  ['CALL dbms.security', "CALL dbms.security.createUser('x', 'y', false)", 403, /procedure dbms.security.createUser is not allowed/],
  ['CALL db.create*', "CALL db.createLabel('Evil')", 403, /procedure db.createLabel is not allowed/],
  ['SHOW USERS', 'SHOW USERS', 403, /starts with SHOW, which is not allowed/],
  ['USE system', 'USE system MATCH (n) RETURN n', 403, /USE is not allowed/],
  ['two statements', "MATCH (n) RETURN n; CREATE (:Company {id: 'evil'})", 403, /one statement at a time/],
  ['TERMINATE', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 403, /starts with TERMINATE, which is not allowed/],
  // Regression (issue 14): a leading CYPHER hid commands from the old text check, and EXPLAIN calls them read ('r').
  ['CYPHER TERMINATE', 'CYPHER TERMINATE TRANSACTIONS "neo4j-transaction-1"', 403, /starts with TERMINATE, which is not allowed/],
  ['CYPHER SHOW TRANSACTIONS', 'CYPHER SHOW TRANSACTIONS YIELD currentQuery, parameters', 403, /starts with SHOW, which is not allowed/],
  ['CYPHER runtime=slotted SHOW', 'cypher runtime=slotted /* x */ show\n transactions yield currentQuery, parameters RETURN *', 403, /starts with SHOW, which is not allowed/],
  ['CYPHER 5 SHOW SETTINGS', 'CYPHER 5 SHOW SETTINGS', 403, /not allowed/],
  ['SHOW in a UNION branch', 'RETURN 1 AS x UNION SHOW TRANSACTIONS YIELD transactionId AS x RETURN x', 403, /UNION branch starts with SHOW/],
  ['SHOW in a CALL subquery', 'CALL { SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery } RETURN currentQuery', 403, /CALL subquery starts with SHOW/],
  // Regression (issue 14): expressions Neo4j cannot stop once they run.
  ['reduce over a huge range', "RETURN reduce(s = '', i IN range(1, 3000000) | s + 'xxxxxxxxxx') AS s", 403, /3,000,000 elements/],
  ['a catastrophic regex', `RETURN '${'a'.repeat(40)}!' =~ '(.*a){12}b' AS m`, 403, /backtrack/],
  ['a value nested 20,000 deep', 'RETURN reduce(acc = [], i IN range(1, 20000) | [acc]) AS deep', 403, /elements|inside a list/],
  ['PROFILE', 'PROFILE MATCH (n) RETURN n', 403, /Leave out PROFILE/],
];

test.each(HOSTILE)('refused: %s', async (_name, query, status, message) => {
  const before = await fingerprint(database);
  const answer = await run<Problem>(query);
  expect(answer.status).toBe(status);
  expect(answer.body.detail).toMatch(message);
  expect(await fingerprint(database)).toEqual(before);
  // Refused means never run: no console transaction is left on the server.
  expect(await consoleTransactions()).toBe(0);
  expect((await run('RETURN 1 AS one')).body.rows).toEqual([[cell('integer', 1)]]);
});

test('regression (issue 14): a range whose bound comes from a parameter is bounded too', async () => {
  const refused = await run<Problem>("RETURN size(reduce(s = '', i IN range(1, $n) | s + 'xxxxxxxxxx')) AS size", { n: 3_000_000 });
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toMatch(/3,000,000 elements.*at most 10,000/);
  expect(await consoleTransactions()).toBe(0);
  const small = await run("RETURN size(reduce(s = '', i IN range(1, $n) | s + 'x')) AS size", { n: 1000 });
  expect(small.status).toBe(200);
  expect(small.body.rows[0]).toEqual([cell('integer', 1000)]);
});

test('a query that would run for minutes is stopped at the time limit, and the next query works', async () => {
  const before = await fingerprint(database);
  const began = Date.now();
  const answer = await run<Problem>('MATCH (a), (b), (c), (d), (e), (f) WHERE a.name < b.name + c.name + d.name + e.name + f.name RETURN count(*) AS n', undefined, strict.url);
  const took = Date.now() - began;
  expect(answer.status).toBe(504);
  expect(answer.body.detail).toMatch(/time limit|limit of 2 s/);
  expect(took).toBeLessThan(3_000 + 500);
  expect((await run('RETURN 2 AS two', undefined, strict.url)).body.rows).toEqual([[cell('integer', 2)]]);
  expect(await fingerprint(database)).toEqual(before);
});

test('bad requests: a 1 MB query, malformed JSON params, no query', async () => {
  const huge = await run<Problem>(`RETURN '${'x'.repeat(1024 * 1024)}' AS x`);
  expect(huge.status).toBe(413);
  expect(huge.body.detail).toMatch(/larger than 1 MB/);
  const long = await run<Problem>(`RETURN '${'x'.repeat(150_000)}' AS x`.slice(0, 200_000));
  expect([400, 413]).toContain(long.status);
  const response = await fetch(`${app.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "RETURN $a", "params": {"a": }' });
  expect(response.status).toBe(400);
  expect(((await response.json()) as Problem).detail).toMatch(/not valid JSON/);
  expect((await run<Problem>('RETURN 1', [1, 2])).body.detail).toMatch(/'params' must be a JSON object/);
  expect((await postJson<Problem>(`${app.url}/api/query`, {})).body.detail).toMatch(/needs 'query'/);
  expect((await run<Problem>('   ')).status).toBe(403);
});

test("the editor's schema lists the database's labels, types, property keys, functions and only the allowed procedures", async () => {
  const response = await fetch(`${app.url}/api/query/schema`);
  expect(response.status).toBe(200);
  const schema = (await response.json()) as ConsoleSchema;
  expect(schema.labels).toEqual(expect.arrayContaining(['Company', 'Bank']));
  expect(schema.relationshipTypes).toEqual(expect.arrayContaining(['PARTNERS_WITH', 'OWNS']));
  expect(schema.propertyKeys).toEqual(expect.arrayContaining(['name', 'aliases']));
  expect(schema.functions.find((fn) => fn.name === 'toUpper')?.signature).toMatch(/^toUpper\(/);
  expect(schema.procedures.map((procedure) => procedure.name).sort()).toEqual([...ALLOWED_PROCEDURES].sort());
  expect(schema.procedures.find((procedure) => procedure.name === 'db.labels')?.returnItems).toEqual([{ name: 'label', signature: 'STRING' }]);
});

test('relationships returned without their nodes come with them, so that the graph can be drawn', async () => {
  const { status, body } = await run("MATCH (:Company {id: 'tencent'})-[r:OWNS]->(:Bank) RETURN r");
  expect(status).toBe(200);
  expect(body.graph.edges).toHaveLength(1);
  expect(body.graph.nodes.map((node) => node.properties.name).sort()).toEqual(['Tencent Holdings Ltd', 'WeBank']);
  expect(body.rows[0]?.[0]).toMatchObject({ type: 'relationship', value: { type: 'OWNS' } });
});

test("a console transaction's metadata says which app, request and client it runs for: { app: 'fingraph-console', request, client }", async () => {
  const request = 'metadata-check-1';
  const answer = fetch(`${strict.url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': request },
    body: JSON.stringify({ query: 'MATCH (a), (b), (c), (d), (e), (f) WHERE a.name < b.name + c.name + d.name + e.name + f.name RETURN count(*) AS n' }),
  });
  let metadata: unknown = null;
  for (let attempt = 0; attempt < 40 && !metadata; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const found = await database.runStatement('SHOW TRANSACTIONS YIELD metaData WHERE metaData.request = $request RETURN metaData', { request });
    metadata = found.records[0]?.get('metaData') ?? null;
  }
  expect(metadata).toEqual({ app: 'fingraph-console', request, client: '127.0.0.1' });
  expect((await answer).status).toBe(504);
});
