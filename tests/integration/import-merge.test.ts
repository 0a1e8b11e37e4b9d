/**
 * Import never loses data (issue 14), against the real Neo4j holding the default dataset: an import
 * merges (the properties a file gives are set, the others kept, evidence added and deduplicated),
 * a property goes only when the file lists it under `unset`, relationship ids are unique across
 * types, and `import --reset` asks first (or needs --yes). `--reset` keeps exact replacement.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Database } from '../../server/neo4j';
import { DatasetError, importFiles, loadSeedDataset, writeDataset } from '../../server/seed';
import { applySchema } from '../../server/services/schema';
import { emptyDatabase, fingerprint, openDatabase, testConnection } from '../support/database';
import { cliArgs } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = 'china-daily-giants-join-banks';

let database: Database;
let scratch: string;

beforeAll(async () => {
  database = openDatabase();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-merge-'));
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
  fs.writeFileSync(file, stringify(content));
  return file;
}

async function nodeProperties(id: string): Promise<Record<string, unknown>> {
  const result = await database.runStatement('MATCH (n {id: $id}) RETURN properties(n) AS p', { id });
  return result.records[0]?.get('p') as Record<string, unknown>;
}

async function relationshipProperties(id: string): Promise<Record<string, unknown>> {
  const result = await database.runStatement('MATCH ()-[r {id: $id}]->() RETURN properties(r) AS p', { id });
  return result.records[0]?.get('p') as Record<string, unknown>;
}

const TENCENT_HUAXIA = 'tencent-partners-with-huaxia-bank';

test('a file giving Tencent only name and description keeps its other properties (regression: it wiped eight, its quotes and sources among them)', async () => {
  const before = await nodeProperties('tencent');
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(6);
  const file = writeFile('tencent.yaml', { nodes: [{ id: 'tencent', label: 'Company', name: 'Tencent', description: 'A new one-line description.' }] });
  await importFiles(database, [file]);
  expect(await nodeProperties('tencent')).toEqual({ ...before, name: 'Tencent', description: 'A new one-line description.' });
});

test('re-stating Tencent → Huaxia Bank with one new quote keeps areas, announced and both earlier quotes, and adds the new one with its source (regression: they were replaced)', async () => {
  const before = await relationshipProperties(TENCENT_HUAXIA);
  expect(before.quotes as string[]).toHaveLength(2);
  const file = writeFile('restate.yaml', {
    relationships: [{ type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank', evidence: [{ source: 'decrypt-xiaomi-blockchain', quote: 'A new quote about the two of them.' }] }],
  });
  await importFiles(database, [file]);
  const after = await relationshipProperties(TENCENT_HUAXIA);
  expect(after).toEqual({
    ...before,
    sourceIds: [...(before.sourceIds as string[]), 'decrypt-xiaomi-blockchain'],
    quotes: [...(before.quotes as string[]), 'A new quote about the two of them.'],
  });
  // Stated again (and an earlier quote with it): nothing is added twice.
  const again = writeFile('again.yaml', {
    relationships: [
      {
        type: 'PARTNERS_WITH',
        from: 'tencent',
        to: 'huaxia-bank',
        evidence: [
          { source: 'decrypt-xiaomi-blockchain', quote: 'A new quote about the two of them.' },
          { source: SOURCE, quote: (before.quotes as string[])[0]! },
        ],
      },
    ],
  });
  const print = await fingerprint(database);
  await importFiles(database, [again]);
  expect(await fingerprint(database)).toEqual(print);
});

test('the same quote from another source is added as its own pair: each quote stays paired with its source', async () => {
  const before = await relationshipProperties(TENCENT_HUAXIA);
  const quote = (before.quotes as string[])[0]!;
  const file = writeFile('pair.yaml', { relationships: [{ type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank', evidence: [{ source: 'decrypt-xiaomi-blockchain', quote }] }] });
  await importFiles(database, [file]);
  const after = await relationshipProperties(TENCENT_HUAXIA);
  expect(after.sourceIds).toEqual([...(before.sourceIds as string[]), 'decrypt-xiaomi-blockchain']);
  expect(after.quotes).toEqual([...(before.quotes as string[]), quote]);
});

test('a property goes only when the file lists it under unset; given properties are set, the rest kept', async () => {
  const node = await nodeProperties('tencent');
  const relationship = await relationshipProperties(TENCENT_HUAXIA);
  const file = writeFile('unset.yaml', {
    nodes: [{ id: 'tencent', label: 'Company', name: String(node.name), description: String(node.description), properties: { importedNote: 'from a file' }, unset: ['aliases'] }],
    relationships: [{ type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank', properties: { areas: ['payments'] }, unset: ['announced'], evidence: [{ source: SOURCE, quote: (relationship.quotes as string[])[0]! }] }],
  });
  await importFiles(database, [file]);
  const keptNode = Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'aliases'));
  expect(await nodeProperties('tencent')).toEqual({ ...keptNode, importedNote: 'from a file' });
  const keptRelationship = Object.fromEntries(Object.entries(relationship).filter(([key]) => key !== 'announced'));
  expect(await relationshipProperties(TENCENT_HUAXIA)).toEqual({ ...keptRelationship, areas: ['payments'] });
});

test.each([
  ['unset of the name', { nodes: [{ id: 'tencent', label: 'Company', name: 'T', description: 'd', unset: ['name'] }] }, "field 'unset': may not remove id, name"],
  ['unset of the evidence', { relationships: [{ type: 'OWNS', from: 'tencent', to: 'webank', unset: ['quotes'], evidence: [{ source: SOURCE, quote: 'a quote that is long enough' }] }] }, "field 'unset': may not remove"],
  ['a property both set and unset', { nodes: [{ id: 'tencent', label: 'Company', name: 'T', description: 'd', properties: { country: 'China' }, unset: ['country'] }] }, 'both set under properties and removed under unset'],
])('a file with %s is refused and writes nothing', async (_case, content, message) => {
  const file = writeFile('bad-unset.yaml', content);
  const before = await fingerprint(database);
  await expect(importFiles(database, [file])).rejects.toThrow(DatasetError);
  await expect(importFiles(database, [file])).rejects.toThrow(message);
  expect(await fingerprint(database)).toEqual(before);
});

test.each([
  ['the same type between other nodes', { type: 'PARTNERS_WITH', from: 'alibaba', to: 'huaxia-bank' }],
  ['another type', { type: 'OWNS', from: 'tencent', to: 'huaxia-bank' }],
])('a relationship id already in the database, given to %s, is refused naming it, and writes nothing (regression: a second relationship got the same id)', async (_case, relationship) => {
  const file = writeFile('taken.yaml', {
    nodes: [{ id: 'fresh-co', label: 'Company', name: 'Fresh Co', description: 'Written only if the file is.' }],
    relationships: [{ id: TENCENT_HUAXIA, ...relationship, evidence: [{ source: SOURCE, quote: 'a quote that is long enough' }] }],
  });
  const before = await fingerprint(database);
  await expect(importFiles(database, [file])).rejects.toThrow(DatasetError);
  await expect(importFiles(database, [file])).rejects.toThrow(`the database already has a relationship with id '${TENCENT_HUAXIA}', tencent -PARTNERS_WITH-> huaxia-bank`);
  expect(await fingerprint(database)).toEqual(before);
  const count = await database.runStatement('MATCH ()-[r {id: $id}]->() RETURN count(r) AS n', { id: TENCENT_HUAXIA });
  expect(Number(count.records[0]?.get('n'))).toBe(1);
});

test('the database itself refuses a second relationship of a type with the same id (constraint)', async () => {
  await expect(database.runStatement("MATCH (a:Company {id: 'alibaba'}), (b:Bank {id: 'huaxia-bank'}) CREATE (a)-[:PARTNERS_WITH {id: $id}]->(b)", { id: TENCENT_HUAXIA })).rejects.toThrow();
});

test('--reset keeps exact replacement: the seed written with reset drops what an import merged in', async () => {
  const file = writeFile('extra.yaml', {
    nodes: [{ id: 'tencent', label: 'Company', name: 'Tencent', description: 'Changed.', properties: { importedNote: 'from a file' } }],
    relationships: [{ type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank', evidence: [{ source: 'decrypt-xiaomi-blockchain', quote: 'An extra quote.' }] }],
  });
  const seeded = await fingerprint(database);
  await importFiles(database, [file]);
  expect(await fingerprint(database)).not.toEqual(seeded);
  await writeDataset(database, loadSeedDataset(), { reset: true });
  const after = await fingerprint(database);
  expect(after.labels).toEqual(seeded.labels);
  expect(after.types).toEqual(seeded.types);
  expect((await relationshipProperties(TENCENT_HUAXIA)).quotes as string[]).toHaveLength(2);
  expect(await nodeProperties('tencent')).not.toHaveProperty('importedNote');
  expect((await nodeProperties('tencent')).description).not.toBe('Changed.');
});

describe('npm run import -- --reset', () => {
  const cli = (args: string[]) => {
    const connection = testConnection();
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
    return spawnSync(process.execPath, cliArgs('seed.ts', ...args), {
      cwd: ROOT,
      env: { ...clean, NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password },
      encoding: 'utf8',
      input: 'y\n',
      timeout: 90_000,
    });
  };
  const one = () => writeFile('one.yaml', { nodes: [{ id: 'only-bank', label: 'Bank', name: 'Only Bank', description: 'The one node.' }] });

  test('without a terminal and without --yes, it exits non-zero saying to add --yes, and writes nothing (regression: it replaced all the data at once)', async () => {
    const before = await fingerprint(database);
    const result = cli(['import', one(), '--reset']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--yes');
    expect(result.stderr).toMatch(/deletes? (all|every)/);
    expect(await fingerprint(database)).toEqual(before);
  });

  test('with --yes, it replaces all the data with the file', async () => {
    const result = cli(['import', one(), '--reset', '--yes']);
    expect(result.status).toBe(0);
    expect((await fingerprint(database)).labels).toEqual({ Bank: 1 });
  });
});
