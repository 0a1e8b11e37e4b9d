import { Neo4jError } from 'neo4j-driver';
import { DatabaseError, DatabaseUnavailableError, QueryError, QueryTimeoutError } from '../../server/errors';
import { consoleError, describeUri, errorPosition, mapDriverError } from '../../server/neo4j';

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

test('regression (issue 14): a console error\'s position comes from the GQL diagnostic record (less the EXPLAIN prefix), never from the message text', () => {
  const withRecord = new Neo4jError("Invalid input 'RETURN' (line 1, column 99 (offset: 98))", 'Neo.ClientError.Statement.SyntaxError', '42001', 'd', {
    OPERATION: '',
    OPERATION_CODE: '0',
    CURRENT_SCHEMA: '/',
    _position: { line: 1, column: 18, offset: 17 },
  });
  expect(errorPosition(withRecord, 8)).toEqual({ line: 1, column: 10, offset: 9 });
  const mapped = consoleError(withRecord, 8) as QueryError;
  expect(mapped).toBeInstanceOf(QueryError);
  expect(mapped.position).toEqual({ line: 1, column: 10, offset: 9 });
  expect(mapped.message).toContain('at line 1, column 10 of your query');
  // In a cause (GQL errors chain the detailed one).
  const cause = new Neo4jError('detail', 'Neo.ClientError.Statement.SyntaxError', '42I06', 'd', { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/', _position: { line: 2, column: 3, offset: 20 } });
  expect(errorPosition(new Neo4jError('outer', 'Neo.ClientError.Statement.SyntaxError', '42001', 'd', undefined, cause))).toEqual({ line: 2, column: 3, offset: 20 });
  // Only text: no position.
  const textOnly = new Neo4jError("Invalid input 'RETURN' (line 1, column 18 (offset: 17))", 'Neo.ClientError.Statement.SyntaxError', '50N42', 'd');
  expect(errorPosition(textOnly, 8)).toBeNull();
  expect((consoleError(textOnly, 8) as QueryError).position).toBeNull();
});
