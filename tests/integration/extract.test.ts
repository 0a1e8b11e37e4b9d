/**
 * POST /api/extract over real HTTP against a real Neo4j holding the default dataset: names the graph
 * has come back with their existingId, facts it has with the relationship's existingId, and every
 * bad input gets a clear problem or an explained no-op. Nothing is written (database fingerprint).
 * Made-up sentences only; the source articles are used by the benchmark alone.
 */
import type { Problem } from '../../server/contract';
import type { ExtractResult } from '../../server/contract/extract';
import type { Database } from '../../server/neo4j';
import { postJson } from '../support/api';
import { fingerprint, loadSeed, openDatabase, type Fingerprint } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
let app: RunningApp;
let before: Fingerprint;

beforeAll(async () => {
  database = openDatabase();
  await loadSeed(database);
  app = await startApp(database);
  before = await fingerprint(database);
});

afterAll(async () => {
  expect(await fingerprint(database)).toEqual(before);
  await app.close();
  await database.close();
});

const extract = (body: unknown) => postJson<ExtractResult & Problem>(`${app.url}/api/extract`, body);
const source = { title: 'A made-up article', publisher: 'Test Wire', url: 'https://example.com/a', published: '2024-05-01' };

test('a name the graph knows by an alias comes back with its existingId; a new name with null', async () => {
  const text = 'Tencent signed a strategic cooperation agreement with Zorvex Bank to build a payments lab.';
  const { status, body } = await extract({ text, source });
  expect(status).toBe(200);
  const tencent = body.entities.find((entity) => entity.name === 'Tencent Holdings Ltd');
  const zorvex = body.entities.find((entity) => entity.name === 'Zorvex Bank');
  expect(tencent).toMatchObject({ label: 'Company', existingId: expect.stringMatching(/.+/) });
  expect(zorvex).toMatchObject({ label: 'Bank', existingId: null, mentions: [[text.indexOf('Zorvex'), text.indexOf('Zorvex') + 'Zorvex Bank'.length]] });
  expect(tencent?.mentions).toEqual([[0, 'Tencent'.length]]);
  expect(body.relationships).toEqual([{ from: tencent?.key, to: zorvex?.key, type: 'PARTNERS_WITH', quote: text, confidence: expect.any(Number), existingId: null }]);
  expect(body.text).toBe(text);
});

test('a fact the graph already has is proposed as evidence for that relationship (existingId), symmetric types either way', async () => {
  const known = await database.runStatement("MATCH (:Company {id: 'tencent'})-[r:PARTNERS_WITH]->(:Bank {id: 'huaxia-bank'}) RETURN elementId(r) AS id");
  const rival = await database.runStatement("MATCH (:Company {id: 'baidu'})-[r:COMPETES_WITH]-(:Company {id: 'alibaba'}) RETURN elementId(r) AS id");
  const { body } = await extract({ text: 'Tencent joined hands with Huaxia Bank on cloud services. Alibaba competes with Baidu in payments.' });
  const partners = body.relationships.find((relationship) => relationship.type === 'PARTNERS_WITH');
  const competes = body.relationships.find((relationship) => relationship.type === 'COMPETES_WITH');
  expect(partners?.existingId).toBe(known.records[0]?.get('id'));
  expect(competes?.existingId).toBe(rival.records[0]?.get('id'));
});

test('HTML is reduced to its text: scripts, styles and event handlers are dropped, nothing runs', async () => {
  const html = '<html><head><script>fetch("/api/x")</script><style>p{color:red}</style></head><body onload="alert(1)"><p>Ant Financial, a unit of Alibaba, <b onclick="alert(2)">launched</b> Zentry Pay.</p><script>alert(3)</script></body></html>';
  const { status, body } = await extract({ html });
  expect(status).toBe(200);
  expect(body.text).toBe('Ant Financial, a unit of Alibaba, launched Zentry Pay.');
  expect(body.text).not.toMatch(/alert|fetch|color/);
  expect(body.relationships.map((relationship) => relationship.type).sort()).toEqual(['OFFERS', 'SUBSIDIARY_OF']);
  const same = await extract({ text: html, format: 'html' });
  expect(same.body.text).toBe(body.text);
});

test('a 10 MB paste is refused with 413 and the limit in words', async () => {
  const { status, body } = await extract({ text: 'word '.repeat(2_000_000) });
  expect(status).toBe(413);
  expect(body.detail).toMatch(/2,000,000 words.*at most 20,000 words/);
});

test("a body past the route's 32 MB is refused with 413 saying the limit in words, not the API's 1 MB", async () => {
  const { status, body } = await extract({ text: 'x'.repeat(33 * 1024 * 1024) });
  expect(status).toBe(413);
  expect(body.detail).toMatch(/larger than 32 MB: at most 20,000 words/);
});

test('binary input is refused: NUL bytes, bytes that are not UTF-8', async () => {
  const nul = await extract({ text: 'PK\u0003\u0004\u0000\u0000binary' });
  expect(nul.status).toBe(400);
  expect(nul.body.detail).toMatch(/NUL bytes.*binary/);
  const response = await fetch(`${app.url}/api/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]) });
  expect(response.status).toBe(400);
  expect(((await response.json()) as Problem).detail).toMatch(/not UTF-8/);
});

test('empty text, empty HTML and a missing text each say what to send', async () => {
  expect((await extract({ text: '   \n ' })).body.detail).toMatch(/empty/);
  expect((await extract({ html: '<script>alert(1)</script>' })).body.detail).toMatch(/no readable text/);
  const missing = await extract({ source });
  expect(missing.status).toBe(400);
  expect(missing.body.detail).toMatch(/"text".*"html"/);
  expect((await extract({ text: 'a', html: 'b' })).body.detail).toMatch(/not both/);
  expect((await extract({ text: 42 })).body.detail).toMatch(/must be a text/);
  expect((await extract({ text: 'x', source: { ...source, published: '2024-13-01' } })).body.detail).toMatch(/YYYY-MM-DD/);
  expect((await extract({ text: 'x', source: { ...source, url: 'javascript:alert(1)' } })).body.detail).toMatch(/http/);
  expect((await extract({ text: 'x', extra: 1 })).body.detail).toMatch(/Unknown field "extra"/);
});

test('a text with no entities answers 200 with empty lists and a note', async () => {
  const { status, body } = await extract({ text: 'the weather was fine and everyone went home early.' });
  expect(status).toBe(200);
  expect(body.entities).toEqual([]);
  expect(body.relationships).toEqual([]);
  expect(body.note).toMatch(/No entities found/);
});

test('names that are Cypher injection attempts are only ever text: proposed, never run', async () => {
  const text = "Robert Bank`) DETACH DELETE n // partnered with Tencent. Evil'}) MATCH (n) DETACH DELETE n Corp ties up with Huaxia Bank.";
  const { status, body } = await extract({ text });
  expect(status).toBe(200);
  expect(body.entities.length).toBeGreaterThan(0);
  expect(await fingerprint(database)).toEqual(before);
});
