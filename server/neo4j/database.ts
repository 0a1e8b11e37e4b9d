/**
 * The app's access to Neo4j: runs its queries (cypher/) through the driver (driver.ts), each one
 * admitted in turn (admission.ts), with driver errors mapped by code (errors.ts). When Neo4j is
 * unreachable, requests fail at once with 503 for a second before the next one tries again, so the
 * API never hangs on a dead database and recovers by itself when it is back. Console queries run on
 * a driver of their own (console-transaction.ts), so that they can never take the explorer's
 * connections.
 */
import type { Neo4jConnection } from '../config';
import { DatabaseUnavailableError } from '../errors';
import { Admission, DEFAULT_MAX_CONCURRENT, DEFAULT_QUEUE_TIMEOUT_MS } from './admission';
import { openConsoleTransaction, type ConsoleTransaction } from './console-transaction';
import { createDriver, isRetryableError, READ, WRITE, WRITE_ROUTING, type Driver, type QueryResult, type RecordShape } from './driver';
import { mapDriverError } from './errors';
import type { QueryMap, QueryName } from './queries';
import type { QueryParameters, QueryRecord } from './query-types';
import { renderTemplate, type Fill } from './template';

/** A query's parameters as its argument: optional for the queries that take none. */
type ParametersArgument<N extends QueryName> = Record<string, never> extends QueryParameters<N> ? [parameters?: QueryParameters<N>] : [parameters: QueryParameters<N>];

/** The result of one of the app's queries, its records typed by the query's name (query-types.ts). */
export type TypedResult<N extends QueryName> = QueryResult<QueryRecord<N>>;

/** Runs one of the app's queries inside a write transaction (see writeTransaction). */
export type TransactionRun = <N extends QueryName>(name: N, parameters: QueryParameters<N>, fills?: Record<string, Fill>) => Promise<TypedResult<N>>;

export { DEFAULT_MAX_CONCURRENT, DEFAULT_QUEUE_TIMEOUT_MS };

export interface ServerInfo {
  version: string;
  edition: string;
}

export interface DatabaseOptions {
  queryTimeoutMs: number;
  userAgent: string;
  /** Connections the driver may hold (50 by default). */
  maxConnectionPoolSize?: number;
  /** Connections the console's own driver may hold (maxConcurrent by default). */
  consolePoolSize?: number;
  /** How long a request waits for a free connection before failing (10 s by default). */
  connectionAcquisitionTimeoutMs?: number;
  /** Queries run at once; more wait their turn (admission control: Neo4j is not swamped under load). */
  maxConcurrent?: number;
  /** How long a query may wait for its turn before the request is answered 503 "busy" (ms). */
  queueTimeoutMs?: number;
}

const RETRY_AFTER_FAILURE_MS = 1000;
/** How long a read is retried on retryable errors (the driver's maxTransactionRetryTime, set below). */
const READ_RETRY_MS = 1_000;

export class Database {
  private unavailable: DatabaseUnavailableError | null = null;
  private retryAt = 0;
  private consoleDriver: Driver | null = null;
  private readonly admission: Admission;

  private constructor(
    private readonly driver: Driver,
    readonly connection: Neo4jConnection,
    private readonly queries: QueryMap,
    private readonly options: DatabaseOptions,
  ) {
    this.admission = new Admission(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT, options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS);
  }

  /** Creates the driver (no connection is made yet). Throws ApiError on a malformed URI. */
  static create(connection: Neo4jConnection, queries: QueryMap, options: DatabaseOptions): Database {
    const driver = createDriver(connection, {
      userAgent: options.userAgent,
      connectionAcquisitionTimeoutMs: options.connectionAcquisitionTimeoutMs ?? 10_000,
      maxTransactionRetryTimeMs: READ_RETRY_MS,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    });
    return new Database(driver, connection, queries, options);
  }

  /** Connects, logs in and reads the server's version. Throws DatabaseUnavailableError saying what to fix. */
  async verify(): Promise<ServerInfo> {
    try {
      await this.driver.verifyConnectivity({ database: this.connection.database });
      const result = await this.runRaw<QueryRecord<'health/components'>>(this.queries['health/components'], {}, 'READ');
      const record = result.records[0];
      this.unavailable = null;
      return { version: record?.get('version') ?? 'unknown', edition: record?.get('edition') ?? 'unknown' };
    } catch (error) {
      throw this.noteFailure(error);
    }
  }

  /** Runs one of the app's read queries in a read transaction. */
  read<N extends QueryName>(name: N, ...[parameters]: ParametersArgument<N>): Promise<TypedResult<N>> {
    return this.admit(() => this.runRaw<QueryRecord<N>>(this.queries[name], parameters ?? {}, 'READ'));
  }

  /**
   * Runs one of the app's read queries whose {{placeholders}} take labels, types or bounds (see
   * template.ts), in a read transaction.
   */
  readTemplate<N extends QueryName>(name: N, fills: Record<string, Fill>, ...[parameters]: ParametersArgument<N>): Promise<TypedResult<N>> {
    const statement = renderTemplate(this.queries[name], fills);
    return this.admit(() => this.runRaw<QueryRecord<N>>(statement, parameters ?? {}, 'READ'));
  }

  /** Runs a statement that is not in the query map in a read transaction (benchmarks' raw baselines). */
  readStatement(statement: string, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.admit(() => this.runRaw(statement, parameters, 'READ'));
  }

  /** Runs one of the app's write queries in a write transaction. */
  write<N extends QueryName>(name: N, ...[parameters]: ParametersArgument<N>): Promise<TypedResult<N>> {
    return this.admit(() => this.runRaw<QueryRecord<N>>(this.queries[name], parameters ?? {}, 'WRITE'));
  }

  /** Runs a statement that is not in the query map (the schema file's), in a write transaction. */
  runStatement(statement: string, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.admit(() => this.runRaw(statement, parameters, 'WRITE'));
  }

  /**
   * Runs one of the app's read queries without waiting for a turn: for stopping work given up on
   * (the console's terminations), which must not queue behind the work it stops.
   */
  control<N extends QueryName>(name: N, ...[parameters]: ParametersArgument<N>): Promise<TypedResult<N>> {
    return this.runRaw<QueryRecord<N>>(this.queries[name], parameters ?? {}, 'READ');
  }

  /**
   * Runs `work` in one write transaction: everything it runs is committed together, or nothing is
   * (a failure or a crash before the commit writes nothing).
   */
  async writeTransaction<T>(work: (run: TransactionRun) => Promise<T>): Promise<T> {
    return this.admit(async () => {
      const session = this.driver.session({ database: this.connection.database, defaultAccessMode: WRITE });
      // One transaction for the whole load: a failure or a killed process commits nothing.
      const transaction = session.beginTransaction({ timeout: this.options.queryTimeoutMs * 10, metadata: { app: 'fingraph-write' } });
      try {
        const run: TransactionRun = (name, parameters, fills) => transaction.run(fills ? renderTemplate(this.queries[name], fills) : this.queries[name], parameters);
        const value = await work(run);
        await transaction.commit();
        return value;
      } catch (error) {
        if (transaction.isOpen()) await transaction.rollback().catch(() => undefined);
        throw error;
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Opens a READ transaction for a console query on the console's own driver and pool, with its
   * timeout and metadata. See console-transaction.ts.
   */
  consoleTransaction(options: { timeoutMs: number; metadata: Record<string, string> }): ConsoleTransaction {
    this.consoleDriver ??= createDriver(this.connection, {
      userAgent: `${this.options.userAgent} console`,
      connectionAcquisitionTimeoutMs: this.options.connectionAcquisitionTimeoutMs ?? 10_000,
      maxTransactionRetryTimeMs: 0,
      maxConnectionPoolSize: this.options.consolePoolSize ?? this.options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
    });
    return openConsoleTransaction(this.consoleDriver, this.connection.database, options);
  }

  /**
   * Runs `work` once admitted (admission.ts), failing at once while Neo4j is known to be
   * unreachable; driver errors come out as the API's errors.
   */
  async admit<T>(work: () => Promise<T>): Promise<T> {
    if (this.unavailable && Date.now() < this.retryAt) throw this.unavailable;
    try {
      const value = await this.admission.run(work);
      this.unavailable = null;
      return value;
    } catch (error) {
      throw this.noteFailure(error);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.driver.close(), this.consoleDriver?.close()]);
  }

  private runRaw<R extends RecordShape = RecordShape>(statement: string, parameters: object, mode: 'READ' | 'WRITE'): Promise<QueryResult<R>> {
    if (mode === 'READ') return this.autoCommitRead<R>(statement, parameters);
    return this.driver.executeQuery<QueryResult<R>>(statement, parameters, {
      database: this.connection.database,
      routing: WRITE_ROUTING,
      transactionConfig: { timeout: this.options.queryTimeoutMs },
    });
  }

  /**
   * A read as one auto-commit query: one round trip where a transaction takes two (BEGIN with the
   * query, then COMMIT), and less work for Neo4j (measured here: a 100-neighbour page 6.6 → 4.7 ms
   * p50). Retried as the driver retries a transaction (retryable errors, within READ_RETRY_MS), with
   * the bookmarks of the app's writes, on a reader of a cluster.
   */
  private async autoCommitRead<R extends RecordShape>(statement: string, parameters: object): Promise<QueryResult<R>> {
    const started = Date.now();
    for (let delay = 50; ; delay *= 2) {
      const session = this.driver.session({
        database: this.connection.database,
        defaultAccessMode: READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        return await session.run<R>(statement, parameters, { timeout: this.options.queryTimeoutMs });
      } catch (error) {
        if (!isRetryableError(error) || Date.now() - started + delay > READ_RETRY_MS) throw error;
      } finally {
        await session.close().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private noteFailure(error: unknown): unknown {
    const mapped = mapDriverError(error, this.connection);
    if (mapped instanceof DatabaseUnavailableError) {
      this.unavailable = mapped;
      this.retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
    }
    return mapped;
  }
}
