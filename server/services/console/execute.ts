/**
 * Runs a console query, read-only by construction: in a READ transaction on the console's own
 * driver (so it can never take the explorer's connections) with a timeout, after `check` has seen
 * what Neo4j's EXPLAIN says about it (query type and plan) and may refuse it. Reads at most
 * `maxRows` rows, then drops the rest; the transaction is rolled back, never committed.
 *
 * Answers by `timeoutMs` + 500 ms at the latest, even where the server's own timeout check comes
 * late. A query given up on (past that deadline, or its client gone) has its connection destroyed
 * at once, so that a server that no longer answers on it (a stack overflow packing a deep value, an
 * expression that ignores termination) cannot hold it, and its transaction terminated on the server.
 */
import { QueryTimeoutError, RequestCancelledError } from '../../errors';
import type { ConsoleTransaction, Database, Neo4jRecord } from '../../neo4j';

export interface ConsoleExecution {
  timeoutMs: number;
  maxRows: number;
  check(queryType: string | undefined, plan: unknown): void;
  /** The transaction's metadata: `{ app: 'fingraph-console', request, client }` (Neo4j's query log, SHOW TRANSACTIONS, the watchdog). */
  metadata: { app: 'fingraph-console'; request: string; client: string };
  /** Aborted when the client goes away: the query's transaction is then stopped on the server. */
  signal?: AbortSignal;
}

export interface ConsoleRecords {
  keys: string[];
  records: Neo4jRecord[];
  truncated: boolean;
  elapsedMs: number;
}

/** How often a request given up on is looked for in SHOW TRANSACTIONS and terminated. */
const STOP_POLL_MS = 100;
/** How long a request given up on may take to show up in SHOW TRANSACTIONS. */
const STOP_GRACE_MS = 1_000;

/**
 * Terminates the transactions of a console request given up on, until the server lists none of
 * them (the query may not have reached it yet), for at most `forMs`. Best effort: the database's
 * own timeout stops the query in any case.
 */
async function stopRequest(database: Database, request: string, forMs: number): Promise<void> {
  const started = Date.now();
  try {
    while (Date.now() - started < forMs) {
      const found = await database.control('console/running', { request });
      const ids = found.records[0]?.get('ids') ?? [];
      if (ids.length > 0) await database.control('console/terminate', { ids });
      // None listed after the first second: it has ended (or never reached the server).
      else if (Date.now() - started > STOP_GRACE_MS) return;
      await new Promise((resolve) => setTimeout(resolve, STOP_POLL_MS));
    }
  } catch {
    // Nothing to do: the database's transaction timeout still bounds the query.
  }
}

export async function executeConsoleQuery(database: Database, statement: string, parameters: Record<string, unknown>, options: ConsoleExecution): Promise<ConsoleRecords> {
  let transaction: ConsoleTransaction | null = null;
  const notCancelled = (): void => {
    if (options.signal?.aborted) throw new RequestCancelledError('The client closed the request before its query started.');
  };
  const run = async (): Promise<ConsoleRecords> => {
    // Cancelled while it waited for its turn: not started at all.
    notCancelled();
    const opened = database.consoleTransaction({ timeoutMs: options.timeoutMs, metadata: options.metadata });
    transaction = opened;
    try {
      const explained = await opened.explain(statement, parameters);
      options.check(explained.queryType, explained.plan);
      notCancelled();
      const began = Date.now();
      const rows = await opened.read(statement, parameters, options.maxRows);
      return { ...rows, elapsedMs: Date.now() - began };
    } finally {
      void opened.close();
    }
  };
  // Given up on: its connection is destroyed now, and its transaction terminated on the server.
  const giveUp = (): void => {
    void (transaction as ConsoleTransaction | null)?.destroy().catch(() => false);
    void stopRequest(database, options.metadata.request, options.timeoutMs + 2_000);
  };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      giveUp();
      reject(new QueryTimeoutError(`The query ran past the console's limit of ${options.timeoutMs / 1000} s and was stopped. Narrow it down (a LIMIT, a tighter MATCH) and run it again.`));
    }, options.timeoutMs + 500);
  });
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => {
      giveUp();
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
    return await database.admit(() => Promise.race([run(), deadline, cancelled]));
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}
