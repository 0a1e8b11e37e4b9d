import { Neo4jError } from 'neo4j-driver';
import { DatabaseError, DatabaseUnavailableError, QueryTimeoutError } from '../../server/errors';
import { describeUri, mapDriverError } from '../../server/neo4j';

const connection = { uri: 'neo4j+s://reader:secret@db.example.com:7687', user: 'reader', database: 'fintech' };

test.each([
  ['ServiceUnavailable', DatabaseUnavailableError, 503],
  ['SessionExpired', DatabaseUnavailableError, 503],
  ['Neo.ClientError.Security.Unauthorized', DatabaseUnavailableError, 503],
  ['Neo.ClientError.Database.DatabaseNotFound', DatabaseUnavailableError, 503],
  ['Neo.TransientError.Transaction.DeadlockDetected', DatabaseUnavailableError, 503],
  ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', QueryTimeoutError, 504],
  ['Neo.ClientError.Statement.SyntaxError', DatabaseError, 500],
])('a driver error with code %s becomes %p (HTTP %i), by its code', (code, kind, status) => {
  const mapped = mapDriverError(new Neo4jError('message text that is not matched', code, 'gql', 'description'), connection);
  expect(mapped).toBeInstanceOf(kind);
  expect((mapped as DatabaseError).status).toBe(status);
  expect((mapped as DatabaseError).code).toBe(code);
});

test('messages about the server never show the credentials in its URI, and an unreachable server is described without the driver\'s words (kept as the cause, for the log)', () => {
  const driverError = new Neo4jError('connection refused to db.example.com', 'ServiceUnavailable', 'gql', 'd');
  const mapped = mapDriverError(driverError, connection) as Error;
  expect(mapped.message).toContain('Neo4j is not reachable');
  expect(mapped.message).not.toContain('secret');
  expect(mapped.message).not.toContain('db.example.com');
  expect(mapped.cause).toBe(driverError);
  expect(describeUri('bolt://u:p@h:1')).toBe('bolt://h:1');
});

test('errors that are not from the driver pass through unchanged', () => {
  const error = new TypeError('boom');
  expect(mapDriverError(error, connection)).toBe(error);
});
