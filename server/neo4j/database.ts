/**
 * The one owner of the Neo4j driver: create, verify, run the app's queries, close. Driver errors are
 * mapped here, by their code, into the API's errors. When Neo4j is unreachable, requests fail at once
 * with 503 for a second before the next one tries again, so the API never hangs on a dead database
 * and recovers by itself when it is back.
 */
import neo4j, { Neo4jError, type Driver, type QueryResult, type Record as Neo4jRecord, type RecordShape } from 'neo4j-driver';
import type { Neo4jConnection } from '../config';
import { ApiError, DatabaseBusyError, DatabaseError, DatabaseUnavailableError, ForbiddenQueryError, QueryError, QueryTimeoutError, RequestCancelledError } from '../errors';
import type { QueryMap, QueryName } from './queries';
import { renderTemplate, type Fill } from './template';

export interface ServerInfo {
  version: string;
  edition: string;
}

export interface DatabaseOptions {
  queryTimeoutMs: number;
  userAgent: string;
  /** Connections the driver may hold (50 by default). */
  maxConnectionPoolSize?: number;
  /** How long a request waits for a free connection before failing (10 s by default). */
  connectionAcquisitionTimeoutMs?: number;
  /** Queries run at once; more wait their turn (admission control: Neo4j is not swamped under load). */
  maxConcurrent?: number;
  /** How long a query may wait for its turn before the request is answered 503 "busy" (ms). */
  queueTimeoutMs?: number;
}

export const DEFAULT_MAX_CONCURRENT = 16;
export const DEFAULT_QUEUE_TIMEOUT_MS = 5_000;

const RETRY_AFTER_FAILURE_MS = 1000;
/** How long a read is retried on retryable errors (the driver's maxTransactionRetryTime, set below). */
const READ_RETRY_MS = 1_000;
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

const EXPLAIN_PREFIX = 'EXPLAIN '.length;
const MEMORY_CODES = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit']);

/**
 * A console query's failure as the user should see it: Neo4j's own message and code with the
 * position in the query (less the EXPLAIN prefix when EXPLAIN failed), a memory limit as what it
 * is, and anything else as the API maps it.
 */
function consoleError(error: unknown, prefixLength: number): unknown {
  if (error instanceof ApiError || !(error instanceof Neo4jError)) return error;
  if (MEMORY_CODES.has(error.code)) {
    return new QueryError('The query needed more memory than one query may use, and was stopped. Return fewer or smaller values (a LIMIT, fewer collect()s).', error.code);
  }
  if (error.code === 'Neo.ClientError.Security.Forbidden' || error.code === 'Neo.ClientError.Statement.AccessMode') {
    return new ForbiddenQueryError(`Neo4j refused it: ${error.message}`);
  }
  if (error.code.startsWith('Neo.ClientError.Statement.') || error.code.startsWith('Neo.ClientError.Procedure.') || error.code === 'Neo.ClientError.Request.Invalid') {
    const position = errorPosition(error.message, prefixLength);
    const first = error.message.split('\n')[0]!.replace(/ \(line \d+, column \d+ \(offset: \d+\)\)/, '').trim();
    return new QueryError(position ? `${first} (line ${position.line}, column ${position.column})` : first, error.code, position);
  }
  return error;
}

/** The position Neo4j gives in an error message ("line 1, column 8 (offset: 7)"), less a prefix on line 1. */
export function errorPosition(message: string, prefixLength = 0): { line: number; column: number; offset: number } | null {
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  if (!match) return null;
  const line = Number(match[1]);
  const column = Number(match[2]) - (line === 1 ? prefixLength : 0);
  return { line, column: Math.max(1, column), offset: Math.max(0, Number(match[3]) - prefixLength) };
}

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

/** Maps a driver error to the API's error, by its code. Anything else is passed through. */
export function mapDriverError(error: unknown, connection: Pick<Neo4jConnection, 'uri' | 'user' | 'database'>): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const where = describeUri(connection.uri);
  const code = error.code;
  if (UNAVAILABLE_CODES.has(code)) {
    // The driver's own words (addresses, encryption hints) go to the log as the cause, not to the client.
    return new DatabaseUnavailableError(
      'Neo4j is not reachable. Start it (`npm run db:start` for the local one) or check NEO4J_URI; the API recovers by itself once it answers.',
      code,
      error,
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseUnavailableError(
      `Neo4j at ${where} refused the credentials of user '${connection.user}'. Check NEO4J_USER and NEO4J_PASSWORD.`,
      code,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new DatabaseUnavailableError(
      `Neo4j at ${where} has no database '${connection.database ?? '(default)'}'. Check NEO4J_DATABASE (leave it unset for the server's default database).`,
      code,
    );
  }
  if (TIMEOUT_CODES.has(code)) {
    return new QueryTimeoutError('The query ran past its time limit and was stopped. Narrow it down and try again.', code);
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new DatabaseUnavailableError('Neo4j is busy and could not run the request now. Try again in a moment.', code);
  }
  return new DatabaseError('Neo4j could not run the request.', code);
}

export class Database {
  private unavailable: DatabaseUnavailableError | null = null;
  private retryAt = 0;
  private running = 0;
  private readonly queue: Array<() => void> = [];

  private constructor(
    private readonly driver: Driver,
    readonly connection: Neo4jConnection,
    private readonly queries: QueryMap,
    private readonly options: DatabaseOptions,
  ) {}

  /** Creates the driver (no connection is made yet). Throws ApiError on a malformed URI. */
  static create(connection: Neo4jConnection, queries: QueryMap, options: DatabaseOptions): Database {
    let driver: Driver;
    try {
      driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
        userAgent: options.userAgent,
        connectionTimeout: 5_000,
        connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs ?? 10_000,
        maxTransactionRetryTime: READ_RETRY_MS,
        maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      });
    } catch (error) {
      throw new DatabaseUnavailableError(
        `NEO4J_URI '${describeUri(connection.uri)}' cannot be used: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return new Database(driver, connection, queries, options);
  }

  /** Connects, logs in and reads the server's version. Throws DatabaseUnavailableError saying what to fix. */
  async verify(): Promise<ServerInfo> {
    try {
      await this.driver.verifyConnectivity({ database: this.connection.database });
      const result = await this.runRaw(this.queries['health/components'], {}, 'READ');
      const record = result.records[0];
      this.unavailable = null;
      return { version: String(record?.get('version') ?? 'unknown'), edition: String(record?.get('edition') ?? 'unknown') };
    } catch (error) {
      throw this.noteFailure(error);
    }
  }

  /** Runs one of the app's read queries in a read transaction. */
  read(name: QueryName, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.guarded(() => this.runRaw(this.queries[name], parameters, 'READ'));
  }

  /**
   * Runs one of the app's read queries whose {{placeholders}} take labels, types or bounds (see
   * template.ts), in a read transaction.
   */
  readTemplate(name: QueryName, fills: Record<string, string | Fill>, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    const statement = renderTemplate(this.queries[name], fills);
    return this.guarded(() => this.runRaw(statement, parameters, 'READ'));
  }

  /** Runs a statement that is not in the query map in a read transaction (benchmarks' raw baselines). */
  readStatement(statement: string, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.guarded(() => this.runRaw(statement, parameters, 'READ'));
  }

  /** Runs one of the app's write queries in a write transaction. */
  write(name: QueryName, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.guarded(() => this.runRaw(this.queries[name], parameters, 'WRITE'));
  }

  /** Runs a statement that is not in the query map (the schema file's), in a write transaction. */
  runStatement(statement: string, parameters: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.guarded(() => this.runRaw(statement, parameters, 'WRITE'));
  }

  /**
   * Runs `work` in one write transaction: everything it runs is committed together, or nothing is
   * (a failure or a crash before the commit writes nothing).
   */
  async writeTransaction<T>(work: (run: (name: QueryName, parameters?: Record<string, unknown>, fills?: Record<string, string | Fill>) => Promise<QueryResult<RecordShape>>) => Promise<T>): Promise<T> {
    return this.guarded(async () => {
      const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.WRITE });
      // One transaction for the whole load: a failure or a killed process commits nothing.
      const transaction = session.beginTransaction({ timeout: this.options.queryTimeoutMs * 10, metadata: { app: 'fingraph-write' } });
      try {
        const value = await work((name, parameters = {}, fills) => transaction.run(fills ? renderTemplate(this.queries[name], fills) : this.queries[name], parameters));
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

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Runs a user's query, read-only by construction: in a READ transaction with a timeout, after
   * `check` has seen what Neo4j's EXPLAIN says about it (query type and plan) and may refuse it.
   * Reads at most `maxRows` rows, then drops the rest. The transaction is rolled back, never
   * committed. Answers by `timeoutMs` + 500 ms at the latest, even where the server's own timeout
   * check comes late.
   */
  async consoleRead(
    statement: string,
    parameters: Record<string, unknown>,
    options: {
      timeoutMs: number;
      maxRows: number;
      check(queryType: string | undefined, plan: unknown): void;
      /** The request's id, written in the transaction's metadata (and so in Neo4j's query log). */
      request: string;
      /** The client's address, written in the transaction's metadata (the console watchdog reports it). */
      client?: string;
      /** Aborted when the client goes away: the query's transaction is then stopped on the server. */
      signal?: AbortSignal;
    },
  ): Promise<{ keys: string[]; records: Neo4jRecord[]; truncated: boolean; elapsedMs: number }> {
    let finished = false;
    const run = async (): Promise<{ keys: string[]; records: Neo4jRecord[]; truncated: boolean; elapsedMs: number }> => {
      const notCancelled = (): void => {
        if (options.signal?.aborted) throw new RequestCancelledError('The client closed the request before its query started.');
      };
      // Cancelled while it waited for its turn: not started at all.
      notCancelled();
      const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.READ });
      try {
        const transaction = session.beginTransaction({ timeout: options.timeoutMs, metadata: { app: 'fingraph-console', request: options.request, ...(options.client ? { client: options.client } : {}) } });
        try {
          const explained = await transaction.run(`EXPLAIN ${statement}`, parameters).catch((error: unknown) => {
            throw consoleError(error, EXPLAIN_PREFIX);
          });
          options.check(explained.summary.queryType, explained.summary.plan);
          notCancelled();
          const began = Date.now();
          const result = transaction.run(statement, parameters);
          const keys = (await result.keys()) as string[];
          const records: Neo4jRecord[] = [];
          let truncated = false;
          for await (const record of result) {
            if (records.length === options.maxRows) {
              truncated = true;
              break;
            }
            records.push(record);
          }
          return { keys, records, truncated, elapsedMs: Date.now() - began };
        } finally {
          if (transaction.isOpen()) await transaction.rollback().catch(() => undefined);
        }
      } catch (error) {
        throw consoleError(error, 0);
      } finally {
        finished = true;
        void session.close().catch(() => undefined);
      }
    };
    // Given up on (the client went away, or the answer's deadline passed): its transaction is stopped.
    const stop = (): void => void this.stopRequest(options.request, () => finished, options.timeoutMs + 2_000);
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          stop();
          reject(new QueryTimeoutError(`The query ran past the console's limit of ${options.timeoutMs / 1000} s and was stopped. Narrow it down (a LIMIT, a tighter MATCH) and run it again.`));
        },
        options.timeoutMs + 500,
      );
    });
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => {
        stop();
        reject(new RequestCancelledError('The client closed the request; its query was stopped.'));
      };
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    // Either may settle before the race is entered (while the query waits for its turn): handled here,
    // so that a cancelled request never becomes an unhandled rejection.
    deadline.catch(() => undefined);
    cancelled.catch(() => undefined);
    try {
      if (options.signal?.aborted) await cancelled;
      return await this.guarded(() => Promise.race([run(), deadline, cancelled]));
    } finally {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Stops the transactions of a console request given up on, until its query has finished (it may not
   * have reached the database yet), for at most `forMs`. Best effort: the database's own timeout
   * stops the query in any case.
   */
  private async stopRequest(request: string, finished: () => boolean, forMs: number): Promise<void> {
    const until = Date.now() + forMs;
    try {
      while (!finished() && Date.now() < until) {
        const found = await this.runRaw(this.queries['console/running'], { request }, 'READ');
        const ids = (found.records[0]?.get('ids') as string[] | undefined) ?? [];
        if (ids.length > 0) await this.runRaw(this.queries['console/terminate'], { ids }, 'READ');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } catch {
      // Nothing to do: the database's transaction timeout still bounds the query.
    }
  }

  private runRaw(statement: string, parameters: Record<string, unknown>, mode: 'READ' | 'WRITE'): Promise<QueryResult<RecordShape>> {
    if (mode === 'READ') return this.autoCommitRead(statement, parameters);
    return this.driver.executeQuery(statement, parameters, {
      database: this.connection.database,
      routing: neo4j.routing.WRITE,
      transactionConfig: { timeout: this.options.queryTimeoutMs },
    });
  }

  /**
   * A read as one auto-commit query: one round trip where a transaction takes two (BEGIN with the
   * query, then COMMIT), and less work for Neo4j (measured here: a 100-neighbour page 6.6 → 4.7 ms
   * p50). Retried as the driver retries a transaction (retryable errors, within READ_RETRY_MS), with
   * the bookmarks of the app's writes, on a reader of a cluster.
   */
  private async autoCommitRead(statement: string, parameters: Record<string, unknown>): Promise<QueryResult<RecordShape>> {
    const started = Date.now();
    for (let delay = 50; ; delay *= 2) {
      const session = this.driver.session({
        database: this.connection.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        return await session.run(statement, parameters, { timeout: this.options.queryTimeoutMs });
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() - started + delay > READ_RETRY_MS) throw error;
      } finally {
        await session.close().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    if (this.unavailable && Date.now() < this.retryAt) throw this.unavailable;
    await this.turn();
    try {
      const value = await work();
      this.unavailable = null;
      return value;
    } catch (error) {
      throw this.noteFailure(error);
    } finally {
      this.done();
    }
  }

  /**
   * Waits until fewer than maxConcurrent queries run. A query that waits longer than queueTimeoutMs
   * is not run: its request is answered 503 with Retry-After, and the queries already admitted keep
   * their speed instead of every request slowing down until clients time out.
   */
  private turn(): Promise<void> {
    const max = this.options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    if (this.running < max) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const admit = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.queue.indexOf(admit);
        if (index >= 0) this.queue.splice(index, 1);
        reject(new DatabaseBusyError(`Neo4j is busy: ${this.running} queries are running and ${this.queue.length} more are waiting. Try again in a moment.`));
      }, this.options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS);
      this.queue.push(admit);
    });
  }

  /** Hands the finished query's turn to the next in line. */
  private done(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running -= 1;
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
