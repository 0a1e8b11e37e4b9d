/**
 * Property-based fuzzing (fast-check, fixed seed, bounded runs) of every route's parameters and of
 * the console, against the real app and Neo4j: random and hostile values (Cypher injection, markup,
 * control characters, huge and odd numbers, real ids in the wrong places, write queries in disguise).
 * Every answer must be a deliberate one (2xx, or a 4xx/504 problem+json without internals), and after
 * each batch the server still answers and the database (data, and its indexes and constraints) is
 * exactly as it was.
 */
import fc from 'fast-check';
import type { Database } from '../../server/neo4j';
import { fingerprint, loadSeed, openDatabase, type Fingerprint } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

const SEED = 20261124;
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

let database: Database;
let app: RunningApp;
let before: { data: Fingerprint; schema: string[] };
let ids: { nodes: string[]; edges: string[] };
let requests = 0;

async function schemaNames(): Promise<string[]> {
  const indexes = await database.runStatement('SHOW INDEXES YIELD name RETURN name ORDER BY name');
  const constraints = await database.runStatement('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  return [...indexes.records, ...constraints.records].map((record) => String(record.get('name')));
}

beforeAll(async () => {
  database = openDatabase();
  await loadSeed(database);
  // Tight console limits bound what a random query can cost.
  app = await startApp(database, undefined, { consoleLimits: { timeoutMs: 2_000, maxRows: 50, maxElements: 100 } });
  const nodes = await database.runStatement('MATCH (n) RETURN elementId(n) AS id LIMIT 10');
  const edges = await database.runStatement('MATCH ()-[r]->() RETURN elementId(r) AS id LIMIT 10');
  ids = { nodes: nodes.records.map((record) => String(record.get('id'))), edges: edges.records.map((record) => String(record.get('id'))) };
  before = { data: await fingerprint(database), schema: await schemaNames() };
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** After each batch: the server answers and nothing in the database changed. */
async function expectUnharmed(): Promise<void> {
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  expect(await fingerprint(database)).toEqual(before.data);
  expect(await schemaNames()).toEqual(before.schema);
}

const HOSTILE_TEXT = [
  "') DETACH DELETE n //",
  '`) MATCH (n) DETACH DELETE n //',
  "x' OR 1=1 --",
  '}) CREATE (:Pwned) //',
  '$(label)',
  '{{label}}',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  'file:///etc/passwd',
  '\u0000',
  '\u202e\u200b',
  '%00',
  '%2e%2e%2f',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '9007199254740993',
  '[]',
  '{}',
  'null',
  '*',
  '~',
  '"',
  '\\',
  'a'.repeat(5_000),
];

const text = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('Tencent', 'bank', 'Company', 'PARTNERS_WITH', 'out', 'in', 'both') },
  );
const id = (): fc.Arbitrary<string> => fc.oneof(text(), fc.constantFrom(...ids.nodes, ...ids.edges), fc.constantFrom('4:00000000-0000-0000-0000-000000000000:999999'));
const number = (): fc.Arbitrary<string> => fc.oneof(fc.integer().map(String), fc.double().map(String), text());
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });
const anyJson = (): fc.Arbitrary<unknown> => fc.oneof(fc.jsonValue({ maxDepth: 3 }), text(), fc.array(id(), { maxLength: 5 }));

function queryString(parameters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) if (value !== undefined) search.set(key, value);
  return search.toString();
}

/** Sends one request and checks its answer is deliberate. */
async function expectDeliberate(method: 'GET' | 'POST', path: string, body?: unknown): Promise<void> {
  requests += 1;
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  const where = `${method} ${path.slice(0, 200)} → ${response.status} ${raw.slice(0, 300)}`;
  expect({ where, ok: [200, 400, 403, 404, 413, 504].includes(response.status) }).toEqual({ where, ok: true });
  expect(() => JSON.parse(raw)).not.toThrow();
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect({ where, internals: /\n\s+at |node_modules|\.ts:\d+|Neo4jError|org\.neo4j|java\./.test(raw) }).toEqual({ where, internals: false });
  }
}

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

test('search and the start view take any q, label and limit', async () => {
  await fc.assert(
    fc.asyncProperty(maybe(text()), maybe(text()), maybe(number()), async (q, label, limit) => {
      await expectDeliberate('GET', `/api/search?${queryString({ q, label, limit })}`);
      await expectDeliberate('GET', `/api/graph/start?${queryString({ limit })}`);
    }),
    params,
  );
  await expectUnharmed();
});

test('nodes, neighbours and relationships take any id and filters', async () => {
  await fc.assert(
    fc.asyncProperty(id(), maybe(text()), maybe(text()), maybe(text()), maybe(number()), maybe(text()), async (nodeId, type, direction, label, limit, cursor) => {
      const path = encodeURIComponent(nodeId);
      await expectDeliberate('GET', `/api/nodes/${path}`);
      await expectDeliberate('GET', `/api/nodes/${path}/neighbors?${queryString({ type, direction, label, limit, cursor })}`);
      await expectDeliberate('GET', `/api/relationships/${path}`);
    }),
    params,
  );
  await expectUnharmed();
});

test('paths and subgraphs take any ends, hops, types and id lists', async () => {
  await fc.assert(
    fc.asyncProperty(id(), id(), maybe(number()), maybe(text()), anyJson(), anyJson(), async (from, to, maxHops, types, idList, focus) => {
      await expectDeliberate('GET', `/api/paths?${queryString({ from, to, maxHops, types })}`);
      await expectDeliberate('POST', '/api/graph/subgraph', { ids: idList, focus });
      await expectDeliberate('POST', '/api/graph/subgraph', typeof idList === 'string' ? idList : JSON.stringify(idList));
    }),
    params,
  );
  await expectUnharmed();
});

const COMMANDS = [
  'SHOW TRANSACTIONS YIELD currentQuery, parameters',
  'TERMINATE TRANSACTIONS "neo4j-transaction-1"',
  'SHOW USERS',
  'SHOW SETTINGS',
  'CREATE INDEX fuzz FOR (n:Company) ON (n.fuzz)',
  'DROP INDEX entity_names',
  'ALTER USER neo4j SET PASSWORD "fuzzfuzz"',
  'GRANT ROLE admin TO neo4j',
  'START DATABASE neo4j',
  'STOP DATABASE neo4j',
  "CREATE (:Pwned {at: 'fuzz'})",
  "CALL dbms.killTransactions(['neo4j-transaction-1'])",
];
const WRITES = [
  "CREATE (:Pwned {at: 'fuzz'})",
  "MATCH (n) DETACH DELETE n",
  "MATCH (n {id: 'tencent'}) SET n.name = 'pwned'",
  "MERGE (n:Company {id: 'fuzz'})",
  "MATCH (n) REMOVE n.name",
  'CREATE INDEX fuzz FOR (n:Company) ON (n.fuzz)',
  'DROP INDEX entity_names',
  'DROP CONSTRAINT company_id',
  "CALL { CREATE (:Pwned) } RETURN 1",
  "FOREACH (i IN [1] | CREATE (:Pwned))",
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "CALL db.createLabel('Pwned')",
  "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  'CALL db.clearQueryCaches()',
  'USE system SHOW USERS',
  'TERMINATE TRANSACTIONS "x"',
  'CREATE USER fuzz SET PASSWORD "fuzzfuzz"',
  ...COMMANDS,
];
const READS = ['MATCH (n) RETURN n LIMIT 3', 'RETURN $x AS x', 'MATCH p = (a)-[*1..2]-(b) RETURN p LIMIT 5', 'UNWIND range(1, 10) AS i RETURN i'];

const consoleQuery = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WRITES) },
    { weight: 1, arbitrary: fc.constantFrom(...READS) },
    // Disguises: a read and a write in one text, comments and literals around a write, odd spacing and case.
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...READS), fc.constantFrom(';', ' UNION ', '\n// ', ' /* ', ' WITH 1 AS one ', ' '), fc.constantFrom(...WRITES)).map(([read, glue, write]) => `${read}${glue}${write}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...WRITES), fc.constantFrom((s: string) => s.toLowerCase(), (s: string) => s.replace(/ /g, '\n\t '), (s: string) => `/* x */ ${s} // y`, (s: string) => `EXPLAIN ${s}`, (s: string) => `CYPHER runtime=slotted ${s}`, (s: string) => `CYPHER ${s}`, (s: string) => `CYPHER 5 /* x */ ${s}`)).map(([write, change]) => change(write)) },
    { weight: 2, arbitrary: text() },
  );

const PREFIXES = ['', 'CYPHER ', 'cypher runtime=slotted ', 'CYPHER 5 planner=cost ', '/* c */ CYPHER\n', '// c\n', '\t\n  ', 'CYPHER CYPHER runtime = slotted '];
const changes = [(s: string) => s, (s: string) => s.toLowerCase(), (s: string) => s.replace(/ /g, '\n\t /* x */ '), (s: string) => `${s} // y`];
const wrappings = [(s: string) => s, (s: string) => `RETURN 1 AS x UNION ${s}`, (s: string) => `CALL { ${s} } RETURN 1`, (s: string) => `MATCH (n) CALL (n) { ${s} } RETURN 1`];

test('regression (issue 14): the console refuses every command, however prefixed, cased, commented, spaced or nested', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.constantFrom(...PREFIXES), fc.constantFrom(...changes), fc.constantFrom(...wrappings), async (command, prefix, change, wrap) => {
      const query = wrap(prefix + change(command));
      requests += 1;
      const response = await fetch(`${app.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect({ query, status: response.status }).toEqual({ query, status: 403 });
    }),
    { ...params, numRuns: RUNS * 2 },
  );
  await expectUnharmed();
});

test('the console takes any query and parameters, and never writes', async () => {
  await fc.assert(
    fc.asyncProperty(consoleQuery(), fc.oneof(fc.constant(undefined), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), anyJson()), async (query, parameters) => {
      await expectDeliberate('POST', '/api/query', parameters === undefined ? { query } : { query, params: parameters });
    }),
    { ...params, numRuns: RUNS * 2 },
  );
  await expectUnharmed();
  await fc.assert(
    fc.asyncProperty(anyJson(), async (body) => {
      await expectDeliberate('POST', '/api/query', body);
      await expectDeliberate('POST', '/api/query', typeof body === 'string' ? body : JSON.stringify(body));
    }),
    params,
  );
  await expectUnharmed();
  expect(requests).toBeGreaterThan(RUNS * 10);
});
