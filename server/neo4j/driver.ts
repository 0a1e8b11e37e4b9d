/**
 * The one module that imports neo4j-driver (with convert.ts, which reads its value types): creating
 * a driver, the session modes and retry test the app uses, and, for the console, closing a
 * connection at once when the server no longer answers on it.
 */
import neo4j, { Neo4jError, type Driver, type QueryResult, type Record as Neo4jRecord, type RecordShape, type Transaction } from 'neo4j-driver';
import type { Neo4jConnection } from '../config';
import { DatabaseUnavailableError } from '../errors';

export { Neo4jError };
export type { Driver, Neo4jRecord, QueryResult, RecordShape, Transaction };

export const READ = neo4j.session.READ;
export const WRITE = neo4j.session.WRITE;
export const WRITE_ROUTING = neo4j.routing.WRITE;
export const isRetryableError = (error: unknown): boolean => neo4j.isRetryableError(error);

/** The Bolt address without any credentials, for messages and the health report. */
export function describeUri(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return uri.replace(/\/\/[^@/]*@/, '//');
  }
}

export interface DriverOptions {
  userAgent: string;
  /** Connections the driver may hold. */
  maxConnectionPoolSize: number;
  /** How long a request waits for a free connection before failing (ms). */
  connectionAcquisitionTimeoutMs: number;
  /** How long a read is retried on retryable errors (ms). */
  maxTransactionRetryTimeMs: number;
}

/** Creates a driver (no connection is made yet). Throws DatabaseUnavailableError on a malformed URI. */
export function createDriver(connection: Neo4jConnection, options: DriverOptions): Driver {
  try {
    return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      userAgent: options.userAgent,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs,
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs,
      maxConnectionPoolSize: options.maxConnectionPoolSize,
    });
  } catch (error) {
    throw new DatabaseUnavailableError(`NEO4J_URI '${describeUri(connection.uri)}' cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What the driver's internals hold between a transaction and its socket (neo4j-driver 6). */
interface ConnectionInternals {
  _connectionHolder?: { getConnection(): Promise<unknown> };
}
interface ChannelInternals {
  _delegate?: ChannelInternals;
  _ch?: { _conn?: { destroy(error?: Error): void } };
}

/**
 * Destroys the socket of a transaction's connection, so that the connection is freed now, whatever
 * the server is doing: a server that overflowed its stack packing a deep value, or one busy in an
 * expression that ignores termination, may not answer on it for minutes, and the driver waits for
 * an answer before it gives the connection back (neither rollback nor driver.close() frees a
 * connection in use). The driver then fails the transaction's pending work with a connection
 * error, and drops the broken connection from its pool. The public API has no way to do this; the
 * path is neo4j-driver 6's (Transaction._connectionHolder → DelegateConnection._delegate →
 * ChannelConnection._ch → NodeChannel._conn, a net.Socket), checked by tests/integration/console-execution.test.ts.
 * Returns whether a socket was found and destroyed.
 */
export async function destroyConnection(transaction: Transaction): Promise<boolean> {
  const holder = (transaction as unknown as ConnectionInternals)._connectionHolder;
  const connection = (await holder?.getConnection().catch(() => null)) as ChannelInternals | null | undefined;
  const socket = (connection?._delegate ?? connection)?._ch?._conn;
  if (!socket) return false;
  socket.destroy(new Neo4jError('The console closed this connection: its query was given up on.', 'ServiceUnavailable', '08000', 'connection exception'));
  return true;
}
