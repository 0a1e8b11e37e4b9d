/**
 * `npm run search-index` (issue 14, part 2): creating a search index on a foreign database is a
 * command the user runs. Without --yes (and no terminal to ask on) it shows the statement and changes
 * nothing; with --yes it creates the index, and search then goes through it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { SearchResult } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { dropFintechSchema, getJson } from '../support/api';
import { emptyDatabase, fingerprint, openDatabase, schemaFingerprint, testConnection } from '../support/database';
import { loadForeign } from '../support/foreign';
import { startApp } from '../support/http';
import { cliArgs } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');

let database: Database;

beforeAll(async () => {
  database = openDatabase();
  await emptyDatabase(database);
  await dropFintechSchema((statement) => database.runStatement(statement));
  await loadForeign(database);
  await database.runStatement('CREATE FULLTEXT INDEX foreign_banks IF NOT EXISTS FOR (n:Bank) ON EACH [n.name]');
  await database.runStatement('CALL db.awaitIndexes(60)');
});

afterAll(async () => {
  await database.runStatement('DROP INDEX fingraph_search IF EXISTS');
  await database.runStatement('DROP INDEX foreign_banks IF EXISTS');
  await emptyDatabase(database);
  await database.close();
});

function searchIndexCli(args: string[] = []) {
  const connection = testConnection();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
  return spawnSync(process.execPath, cliArgs('search-index.ts', ...args), {
    cwd: ROOT,
    env: { ...clean, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

test('without --yes it prints the CREATE FULLTEXT INDEX statement over the uncovered labels and changes nothing', async () => {
  const before = { data: await fingerprint(database), schema: await schemaFingerprint(database) };
  const result = searchIndexCli();
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('CREATE FULLTEXT INDEX fingraph_search IF NOT EXISTS\nFOR (n:`Host`|`Movie`|`Person`|`Product`)\nON EACH [n.`code`, n.`ip`, n.`name`, n.`title`]');
  expect(result.stdout).toContain('Not created: run `npm run search-index -- --yes`');
  expect({ data: await fingerprint(database), schema: await schemaFingerprint(database) }).toEqual(before);
});

test('with --yes it creates the index, and search on those labels then goes through it', async () => {
  const result = searchIndexCli(['--yes']);
  expect(result.stdout).toContain('The index fingraph_search is online');
  expect(result.status).toBe(0);
  const app = await startApp(database);
  try {
    const found = (await getJson<SearchResult>(`${app.url}/api/search?q=${encodeURIComponent('Speed Racr')}`)).body;
    expect(found).toMatchObject({ method: 'fulltext', partial: false });
    expect(found.indexes.sort()).toEqual(['fingraph_search', 'foreign_banks']);
    expect(found.hits[0]?.matched).toBe('Speed Racer');
    expect((await getJson<SearchResult>(`${app.url}/api/search?q=SKU-00042`)).body.hits[0]?.matched).toBe('SKU-00042');
    expect((await getJson<SearchResult>(`${app.url}/api/search?q=10.0.0.1`)).body.hits[0]?.matched).toBe('10.0.0.1');
  } finally {
    await app.close();
  }
  expect(searchIndexCli().stdout).toContain('nothing to create');
});
