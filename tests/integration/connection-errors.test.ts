/** A wrong password, port or database name: one clear error that says what to fix. */
import { DatabaseUnavailableError } from '../../server/errors';
import { freePort } from '../../server/local-neo4j';
import { openDatabase, testConnection } from '../support/database';

async function verifyError(overrides: Partial<ReturnType<typeof testConnection>>): Promise<DatabaseUnavailableError> {
  const database = openDatabase({ ...testConnection(), ...overrides });
  try {
    await database.verify();
  } catch (error) {
    return error as DatabaseUnavailableError;
  } finally {
    await database.close();
  }
  throw new Error('verify() succeeded but should have failed');
}

test('a wrong password is reported as refused credentials, naming NEO4J_PASSWORD', async () => {
  const error = await verifyError({ password: 'not-the-password' });
  expect(error).toBeInstanceOf(DatabaseUnavailableError);
  expect(error.code).toBe('Neo.ClientError.Security.Unauthorized');
  expect(error.message).toContain('NEO4J_PASSWORD');
});

test('a port where nothing listens is reported as not reachable, naming NEO4J_URI', async () => {
  const error = await verifyError({ uri: `bolt://127.0.0.1:${await freePort()}` });
  expect(error).toBeInstanceOf(DatabaseUnavailableError);
  expect(error.code).toBe('ServiceUnavailable');
  expect(error.message).toContain('NEO4J_URI');
});

test('a database that does not exist is reported, naming NEO4J_DATABASE', async () => {
  const error = await verifyError({ database: 'nosuchdatabase' });
  expect(error).toBeInstanceOf(DatabaseUnavailableError);
  expect(error.code).toBe('Neo.ClientError.Database.DatabaseNotFound');
  expect(error.message).toContain('NEO4J_DATABASE');
});

test('a neo4j:// routing URI works against a single server', async () => {
  const database = openDatabase({ ...testConnection(), uri: testConnection().uri.replace('bolt://', 'neo4j://') });
  try {
    const server = await database.verify();
    expect(server.edition).toBe('community');
  } finally {
    await database.close();
  }
});
