/**
 * Driver errors as the API's errors, recognised by their code, never by their message text. The
 * position of a console query's error comes from the error's GQL diagnostic record, when the
 * server sends one (`_position`); it is never read from the message.
 */
import type { Neo4jConnection } from '../config';
import { ApiError, DatabaseError, DatabaseUnavailableError, ForbiddenQueryError, QueryError, QueryTimeoutError } from '../errors';
import { describeUri, Neo4jError } from './driver';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);
const MEMORY_CODES = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit']);

export interface QueryPosition {
  line: number;
  column: number;
  offset: number;
}

/** Maps a driver error to the API's error, by its code. Anything else is passed through. */
export function mapDriverError(error: unknown, connection: Pick<Neo4jConnection, 'uri' | 'user' | 'database'>): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const where = describeUri(connection.uri);
  const code = error.code;
  if (UNAVAILABLE_CODES.has(code)) {
    // The driver's own words (addresses, encryption hints) go to the log as the cause, not to the client.
    return new DatabaseUnavailableError('Neo4j is not reachable. Start it (`npm run db:start` for the local one) or check NEO4J_URI; the API recovers by itself once it answers.', code, error);
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseUnavailableError(`Neo4j at ${where} refused the credentials of user '${connection.user}'. Check NEO4J_USER and NEO4J_PASSWORD.`, code);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new DatabaseUnavailableError(
      `Neo4j at ${where} has no database '${connection.database ?? '(default)'}'. Check NEO4J_DATABASE (leave it unset for the server's default database).`,
      code,
    );
  }
  if (TIMEOUT_CODES.has(code)) return new QueryTimeoutError('The query ran past its time limit and was stopped. Narrow it down and try again.', code);
  if (code.startsWith('Neo.TransientError.')) return new DatabaseUnavailableError('Neo4j is busy and could not run the request now. Try again in a moment.', code);
  return new DatabaseError('Neo4j could not run the request.', code);
}

/**
 * Where in the query the error is, from the GQL diagnostic record of the error or of one of its
 * causes (servers with Bolt 5.7+ may send `_position`), less `prefixLength` characters added in
 * front of line 1; null when the server gave none.
 */
export function errorPosition(error: unknown, prefixLength = 0): QueryPosition | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth += 1) {
    const position = (current as { diagnosticRecord?: { _position?: { line?: unknown; column?: unknown; offset?: unknown } } }).diagnosticRecord?._position;
    if (position && position.line != null && position.column != null && position.offset != null) {
      const line = Number(position.line);
      const column = Number(position.column) - (line === 1 ? prefixLength : 0);
      return { line, column: Math.max(1, column), offset: Math.max(0, Number(position.offset) - prefixLength) };
    }
  }
  return null;
}

/**
 * A console query's failure as the user should see it: Neo4j's own message (its first line) and
 * code with the position in the query when the server gives one (less the EXPLAIN prefix when
 * EXPLAIN failed), a memory limit as what it is, and anything else as the API maps it.
 */
export function consoleError(error: unknown, prefixLength: number): unknown {
  if (error instanceof ApiError || !(error instanceof Neo4jError)) return error;
  if (MEMORY_CODES.has(error.code)) {
    return new QueryError('The query needed more memory than one query may use, and was stopped. Return fewer or smaller values (a LIMIT, fewer collect()s).', error.code);
  }
  if (error.code === 'Neo.ClientError.Security.Forbidden' || error.code === 'Neo.ClientError.Statement.AccessMode') {
    return new ForbiddenQueryError(`Neo4j refused it: ${error.message}`);
  }
  if (error.code.startsWith('Neo.ClientError.Statement.') || error.code.startsWith('Neo.ClientError.Procedure.') || error.code === 'Neo.ClientError.Request.Invalid') {
    const position = errorPosition(error, prefixLength);
    const first = error.message.split('\n')[0]!.trim();
    // Neo4j's own words say where, counting what the console added before line 1 (EXPLAIN).
    const where = position ? ` (at line ${position.line}, column ${position.column} of your query)` : prefixLength > 0 ? ` (Neo4j counts the ${prefixLength} characters of "EXPLAIN " that the console puts before line 1)` : '';
    return new QueryError(`${first}${where}`, error.code, position);
  }
  return error;
}
