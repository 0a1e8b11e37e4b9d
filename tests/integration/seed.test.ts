/**
 * The default dataset, loaded into a real Neo4j: counts per label and type, provenance on every
 * relationship, idempotence, imports, and bad files that write nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Database } from '../../server/neo4j';
import { DatasetError, importFiles, loadSeedDataset, writeDataset } from '../../server/seed';
import { applySchema } from '../../server/services/schema';
import { emptyDatabase, fingerprint, openDatabase } from '../support/database';
import { search } from '../../server/services/search';

let database: Database;
let scratch: string;

beforeAll(async () => {
  database = openDatabase();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-import-'));
});

beforeEach(async () => {
  await emptyDatabase(database);
  await applySchema(database);
  await writeDataset(database, loadSeedDataset(), { reset: false });
});

afterAll(async () => {
  await emptyDatabase(database);
  await database.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function writeFile(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  return file;
}

const EXPECTED_LABELS = { Bank: 5, Company: 9, Person: 1, Product: 12, Regulator: 1, Source: 2 };
const EXPECTED_TYPES = {
  COMPETES_WITH: 5,
  DISTRIBUTES: 2,
  IMITATES: 2,
  LICENSED_BY: 3,
  OFFERS: 10,
  OWNS: 1,
  PARTNERS_WITH: 4,
  PROVIDES_INFRASTRUCTURE_FOR: 1,
  REPORTED_ON: 1,
  SET_UP_JOINT_VENTURE: 1,
  SUBSIDIARY_OF: 1,
  WORKS_FOR: 1,
};

test('the seed loads the expected number of nodes per label and relationships per type', async () => {
  const print = await fingerprint(database);
  expect(print.labels).toEqual(EXPECTED_LABELS);
  expect(print.types).toEqual(EXPECTED_TYPES);
});

test('every relationship cites at least one Source node by id, with one quote per source', async () => {
  const result = await database.runStatement(`
    MATCH (a)-[r]->(b)
    OPTIONAL MATCH (s:Source) WHERE s.id IN r.sourceIds
    RETURN r.id AS id, r.sourceIds AS sourceIds, r.quotes AS quotes, collect(DISTINCT s.id) AS found`);
  expect(result.records.length).toBe(32);
  for (const record of result.records) {
    const sourceIds = record.get('sourceIds') as string[];
    const quotes = record.get('quotes') as string[];
    expect(sourceIds.length).toBeGreaterThan(0);
    expect(quotes).toHaveLength(sourceIds.length);
    expect(quotes.every((quote) => quote.trim().length >= 10)).toBe(true);
    expect([...new Set(sourceIds)].sort()).toEqual((record.get('found') as string[]).sort());
  }
});

test('a fact two articles state cites both (Tencent competes with Alibaba)', async () => {
  const result = await database.runStatement(
    "MATCH (:Company {id: 'tencent'})-[r:COMPETES_WITH]-(:Company {id: 'alibaba'}) RETURN r.sourceIds AS sourceIds",
  );
  expect(result.records[0]?.get('sourceIds')).toEqual(['china-daily-giants-join-banks', 'decrypt-xiaomi-blockchain']);
});

test('entities carry their aliases, and the full-text index finds them by alias', async () => {
  await database.runStatement('CALL db.awaitIndexes(60)');
  const byAlias = async (text: string) =>
    (await database.runStatement("CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node RETURN node.id AS id LIMIT 1", { text })).records[0]?.get('id');
  expect(await byAlias('CCBC')).toBe('china-construction-bank');
  expect(await byAlias('Cryptorabbit')).toBe('jiamitu');
});

test('regression (issue 15): searching an organisation by its official name finds it first ("Industrial and Commercial Bank of China" is ICBC)', async () => {
  await database.runStatement('CALL db.awaitIndexes(60)');
  const first = async (text: string) => (await search(database, text, { limit: 5 })).hits[0]?.node.properties.id;
  expect(await first('Industrial and Commercial Bank of China')).toBe('icbc');
  expect(await first('Hong Kong Monetary Authority')).toBe('hong-kong-authority');
  expect(await first('China Construction Bank Corporation')).toBe('china-construction-bank');
  expect(await first('Ant Group')).toBe('ant-financial');
});

test('loading the seed twice changes nothing', async () => {
  const before = await fingerprint(database);
  await writeDataset(database, loadSeedDataset(), { reset: false });
  expect(await fingerprint(database)).toEqual(before);
});

test('--reset replaces whatever the database holds with the seed', async () => {
  await database.runStatement("CREATE (:Company {id: 'stray', name: 'Stray Ltd'})");
  await writeDataset(database, loadSeedDataset(), { reset: true });
  const print = await fingerprint(database);
  expect(print.labels).toEqual(EXPECTED_LABELS);
});

test('an import merges a user file that refers to nodes already in the database', async () => {
  const file = writeFile('growth.yaml', {
    nodes: [{ id: 'new-bank', label: 'Bank', name: 'New Bank', description: 'A bank of the user.' }],
    relationships: [{ type: 'PARTNERS_WITH', from: 'tencent', to: 'new-bank', evidence: [{ source: 'china-daily-giants-join-banks', quote: 'a made-up quote for the test' }] }],
  });
  const written = await importFiles(database, [file]);
  expect(written).toEqual({ nodes: 1, relationships: 1 });
  const print = await fingerprint(database);
  expect(print.labels.Bank).toBe(EXPECTED_LABELS.Bank + 1);
  expect(print.types.PARTNERS_WITH).toBe(EXPECTED_TYPES.PARTNERS_WITH + 1);
  // Importing it again changes nothing.
  const after = await fingerprint(database);
  await importFiles(database, [file]);
  expect(await fingerprint(database)).toEqual(after);
});

const goodNode = { id: 'ok-co', label: 'Company', name: 'OK Co', description: 'Fine.' };
const goodEdge = { type: 'PARTNERS_WITH', from: 'ok-co', to: 'huaxia-bank', evidence: [{ source: 'china-daily-giants-join-banks', quote: 'a quote that is long enough' }] };

test.each([
  ['an unknown label', { nodes: [{ ...goodNode, label: 'Startup' }] }, "nodes[0] (ok-co): field 'label': unknown label 'Startup'"],
  ['an unknown relationship type', { nodes: [goodNode], relationships: [{ ...goodEdge, type: 'LIKES' }] }, "field 'type': unknown relationship type 'LIKES'"],
  ['a relationship without evidence', { nodes: [goodNode], relationships: [{ ...goodEdge, evidence: [] }] }, "relationships[0] (ok-co -PARTNERS_WITH-> huaxia-bank): field 'evidence': needs at least one quote"],
  ['evidence without a source', { nodes: [goodNode], relationships: [{ ...goodEdge, evidence: [{ quote: 'a quote that is long enough' }] }] }, "field 'evidence.0.source'"],
  ['evidence without a quote', { nodes: [goodNode], relationships: [{ ...goodEdge, evidence: [{ source: 'china-daily-giants-join-banks' }] }] }, "field 'evidence.0.quote'"],
  ['evidence citing an unknown source', { nodes: [goodNode], relationships: [{ ...goodEdge, evidence: [{ source: 'the-internet', quote: 'a quote that is long enough' }] }] }, "unknown source 'the-internet'"],
  ['an edge to an unknown id', { nodes: [goodNode], relationships: [{ ...goodEdge, to: 'no-such-bank' }] }, "field 'to': unknown id 'no-such-bank'"],
  ['a duplicate id in the file', { nodes: [goodNode, { ...goodNode, name: 'Again' }] }, "nodes[1] (ok-co): field 'id': duplicate id 'ok-co'"],
  ['an id the database has under another label', { nodes: [{ ...goodNode, id: 'huaxia-bank' }] }, "the database already has 'huaxia-bank' as a Bank"],
  ['an edge between labels its type does not connect', { nodes: [goodNode], relationships: [{ ...goodEdge, type: 'WORKS_FOR' }] }, "'ok-co' is a Company, but WORKS_FOR starts at Person"],
  ['a misspelt field', { nodes: [{ ...goodNode, descripton: 'typo' }] }, "unknown field 'descripton'"],
  ['a bad id', { nodes: [{ ...goodNode, id: 'Not A Slug' }] }, "field 'id': must be a slug"],
])('an import file with %s is rejected naming file, entry and field, and writes nothing', async (_case, content, message) => {
  const file = writeFile('bad.yaml', content);
  const before = await fingerprint(database);
  await expect(importFiles(database, [file])).rejects.toThrow(DatasetError);
  await expect(importFiles(database, [file])).rejects.toThrow(message);
  await expect(importFiles(database, [file])).rejects.toThrow(/bad\.yaml/);
  expect(await fingerprint(database)).toEqual(before);
});

test('a file that is not valid YAML is rejected with its line, and writes nothing', async () => {
  const file = writeFile('broken.yaml', 'nodes:\n  - id: a\n    name: [unclosed\n');
  const before = await fingerprint(database);
  await expect(importFiles(database, [file])).rejects.toThrow(/broken\.yaml: file: is not valid YAML at line \d+/);
  expect(await fingerprint(database)).toEqual(before);
});

test('a duplicate id across two files of one import is named with both places', async () => {
  const first = writeFile('first.yaml', { nodes: [{ ...goodNode, id: 'tx-one' }] });
  const second = writeFile('second.yaml', { nodes: [{ ...goodNode, id: 'tx-one', label: 'Bank' }] });
  await expect(importFiles(database, [first, second])).rejects.toThrow(/second\.yaml: nodes\[0\] \(tx-one\): field 'id': duplicate id 'tx-one', already used by .*first\.yaml/);
});

test('when the database fails half-way through a write, nothing of it is kept (one transaction)', async () => {
  const before = await fingerprint(database);
  const dataset = loadSeedDataset();
  // Nodes are written first; a relationship to a node that does not exist then fails the write.
  const broken = {
    nodes: [...dataset.nodes, { id: 'half-written', label: 'Company', properties: { id: 'half-written', name: 'Half' }, defaults: {}, unset: [], evidence: [] }],
    relationships: [{ ...dataset.relationships[0]!, id: 'to-nowhere', to: 'nowhere', toLabel: 'Bank' }],
    model: dataset.model,
  };
  await expect(writeDataset(database, broken, { reset: true })).rejects.toThrow('nothing was written');
  expect(await fingerprint(database)).toEqual(before);
});
