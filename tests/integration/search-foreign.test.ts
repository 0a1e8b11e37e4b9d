/**
 * Search on databases Fingraph did not design (issue 14, part 2): titles, codes, IP addresses,
 * several labels, no index at all, an index over only some labels, a typo with a label chosen.
 * Each database is made by the test and removed after it.
 */
import type { SearchResult } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { search } from '../../server/services/search';
import { dropFintechSchema, getJson } from '../support/api';
import { emptyDatabase, openDatabase } from '../support/database';
import { BANKS, loadForeign } from '../support/foreign';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
let app: RunningApp;

beforeAll(async () => {
  database = openDatabase();
  await emptyDatabase(database);
  await dropFintechSchema((statement) => database.runStatement(statement));
  await loadForeign(database);
  app = await startApp(database);
});

afterAll(async () => {
  await app.close();
  await database.runStatement('DROP INDEX foreign_banks IF EXISTS');
  await database.runStatement('DROP INDEX foreign_movies IF EXISTS');
  await emptyDatabase(database);
  await database.close();
});

const find = async (query: string, label?: string): Promise<SearchResult> =>
  (await getJson<SearchResult>(`${app.url}/api/search?q=${encodeURIComponent(query)}${label ? `&label=${label}` : ''}&limit=10`)).body;
const texts = (result: SearchResult): string[] => result.hits.map((hit) => hit.matched);

describe('with no full-text index', () => {
  test('a film is found by its title (films are not called `name`), misspelt by one letter too', async () => {
    expect(texts(await find('Cloud Atlas'))[0]).toBe('Cloud Atlas');
    const typo = await find('Speed Racr');
    expect(typo.method).toBe('scan');
    expect(typo.hits[0]?.node.properties.title).toBe('Speed Racer');
  });

  test('ranking is exact, then prefix, then one edit, then contains; shorter first among equals', async () => {
    expect(texts(await find('matrix'))).toEqual(['Matrix', 'Matrix Reloaded', 'Matric', 'The Matrix', 'Animatrix']);
  });

  test('a code that is not a word (SKU-00042) is found, exactly, first', async () => {
    const result = await find('SKU-00042');
    expect(result.hits[0]?.matched).toBe('SKU-00042');
    expect(result.hits[0]?.node.labels).toEqual(['Product']);
  });

  test('an IP address is found exactly, before the addresses it is a prefix or a part of', async () => {
    expect(texts(await find('10.0.0.1'))).toEqual(['10.0.0.1', '10.0.0.10', '10.0.0.11', '110.0.0.1']);
  });

  test('with a label chosen, a typo still finds the node (not only substrings)', async () => {
    const result = await find('Comerzbank', 'Bank');
    expect(result.hits.map((hit) => hit.node.properties.name)).toEqual(['Commerzbank']);
    expect(await find('Comerzbank', 'Movie')).toMatchObject({ hits: [] });
  });

  test('when the scan budget is smaller than a label, the result says it is partial and how to add an index', async () => {
    const result = await search(database, 'SKU-00060', { label: 'Product', limit: 10, scanBudget: 20 });
    expect(result.partial).toBe(true);
    expect(result.note).toContain('20 of the 60 Product nodes');
    expect(result.note).toContain('npm run search-index');
    expect((await find('SKU-00060', 'Product')).partial).toBe(false);
  });
});

describe('with full-text indexes over some labels', () => {
  beforeAll(async () => {
    await database.runStatement('CREATE FULLTEXT INDEX foreign_banks IF NOT EXISTS FOR (n:Bank) ON EACH [n.name]');
    await database.runStatement('CALL db.awaitIndexes(60)');
    // A new index is seen once the cached schema is read again (every 10 s, or on a miss).
    await getJson(`${app.url}/api/search?q=x&label=NoSuchLabelYet`);
  });

  test("the schema lists the database's own full-text index with what it covers", async () => {
    const { body } = await getJson<{ searchIndexes: unknown[] }>(`${app.url}/api/schema`);
    expect(body.searchIndexes).toEqual([{ name: 'foreign_banks', labels: ['Bank'], properties: ['name'] }]);
  });

  test('a bank misspelt by one letter is found through the index; films, still scanned, are found too', async () => {
    const bank = await find('Barclys', 'Bank');
    expect(bank).toMatchObject({ method: 'fulltext', indexes: ['foreign_banks'] });
    expect(bank.hits[0]?.matched).toBe('Barclays');
    const all = await find('Barclys');
    expect(all.method).toBe('mixed');
    expect(all.hits[0]?.matched).toBe('Barclays');
    expect(texts(await find('Speed Racr'))[0]).toBe('Speed Racer');
  });

  test('the ranking through an index is the one of the scan', async () => {
    const scanned = texts(await find('matrix', 'Movie'));
    await database.runStatement('CREATE FULLTEXT INDEX foreign_movies IF NOT EXISTS FOR (n:Movie) ON EACH [n.title]');
    await database.runStatement('CALL db.awaitIndexes(60)');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await getJson(`${app.url}/api/search?q=x&label=NoSuchLabelYet`);
    const indexed = await find('matrix', 'Movie');
    expect(indexed.method).toBe('fulltext');
    // Lucene finds no infix ('Animatrix'); what both find is in the same order.
    expect(texts(indexed)).toEqual(scanned.filter((text) => text !== 'Animatrix'));
    expect(BANKS).toContain((await find('Dautsche Bank')).hits[0]?.matched);
  });
});
