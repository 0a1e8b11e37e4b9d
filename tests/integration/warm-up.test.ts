/**
 * The warm-up that `npm start` runs once it listens (server/services/warm-up.ts): the reads of a
 * page load, read-only, filling the server's schema cache so that the first page load does not
 * discover the schema itself; a Neo4j that does not answer is reported, not thrown.
 */
import { freePort } from '../../server/local-neo4j';
import { getSchema } from '../../server/services/schema-info';
import { warmUp } from '../../server/services/warm-up';
import { fingerprint, loadSeed, openDatabase, testConnection } from '../support/database';

test('it reads the schema, the start view and a search, writes nothing, and leaves the schema cached for the first page load', async () => {
  const database = openDatabase();
  try {
    await loadSeed(database);
    const before = await fingerprint(database);
    const names: string[] = [];
    const read = database.read.bind(database);
    const spy = jest.spyOn(database, 'read').mockImplementation((name, parameters) => {
      names.push(name);
      return read(name, parameters);
    });
    try {
      const warmed = await warmUp(database);
      expect(warmed.failed).toBeNull();
      expect(names).toEqual(expect.arrayContaining(['schema-info/labels-and-types']));
      expect(names.some((name) => name.startsWith('graph/start'))).toBe(true);
      expect(names.some((name) => name.startsWith('search/'))).toBe(true);
      // The first page load's schema comes from the cache: no discovery of its own.
      names.length = 0;
      await getSchema(database);
      expect(names).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    expect(await fingerprint(database)).toEqual(before);
  } finally {
    await database.close();
  }
});

test('a Neo4j that does not answer is reported as the reason, not thrown', async () => {
  const database = openDatabase({ ...testConnection(), uri: `bolt://127.0.0.1:${await freePort()}` });
  try {
    const warmed = await warmUp(database);
    expect(warmed.failed).toMatch(/reach|connect|ECONNREFUSED|unavailable/i);
  } finally {
    await database.close();
  }
});
