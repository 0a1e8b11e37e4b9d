/**
 * A console query's READ transaction on the console's own driver: EXPLAIN it, read at most so many
 * rows, roll it back, and, when it is given up on, destroy its connection so that it is free at
 * once whatever the server does. Errors come out as the console shows them (errors.ts).
 */
import { destroyConnection, READ, type Driver, type Neo4jRecord, type Transaction } from './driver';
import { QueryError } from '../errors';
import { consoleError } from './errors';

const EXPLAIN = 'EXPLAIN ';
const TOO_DEEP = 'The query returned a value nested too deeply to read (lists or maps inside each other about two thousand levels deep). Return a flat value instead, such as a list built with acc + [x] rather than [acc].';

export interface ConsoleRows {
  keys: string[];
  records: Neo4jRecord[];
  /** More rows than maxRows were there; the rest were dropped. */
  truncated: boolean;
}

export interface ConsoleTransaction {
  /** What Neo4j's EXPLAIN says of the statement: its query type ('r', 'w', 'rw', 's') and plan. */
  explain(statement: string, parameters: Record<string, unknown>): Promise<{ queryType: string | undefined; plan: unknown }>;
  /** Runs the statement and reads at most `maxRows` rows. */
  read(statement: string, parameters: Record<string, unknown>, maxRows: number): Promise<ConsoleRows>;
  /** Rolls back and gives the connection back; never throws. */
  close(): Promise<void>;
  /** Destroys the connection now (the query was given up on); whether there was one to destroy. */
  destroy(): Promise<boolean>;
}

export function openConsoleTransaction(driver: Driver, database: string | undefined, options: { timeoutMs: number; metadata: Record<string, string> }): ConsoleTransaction {
  const session = driver.session({ database, defaultAccessMode: READ });
  let transaction: Transaction | null = null;
  const begun = (): Transaction => (transaction ??= session.beginTransaction({ timeout: options.timeoutMs, metadata: options.metadata }));
  return {
    async explain(statement, parameters) {
      try {
        const { summary } = await begun().run(`${EXPLAIN}${statement}`, parameters);
        return { queryType: summary.queryType, plan: summary.plan };
      } catch (error) {
        throw consoleError(error, EXPLAIN.length);
      }
    },
    async read(statement, parameters, maxRows) {
      try {
        const result = begun().run(statement, parameters);
        const keys = (await result.keys()) as string[];
        const records: Neo4jRecord[] = [];
        let truncated = false;
        for await (const record of result) {
          if (records.length === maxRows) {
            truncated = true;
            break;
          }
          records.push(record);
        }
        return { keys, records, truncated };
      } catch (error) {
        // The driver decodes values recursively: one nested a couple of thousand levels deep runs
        // Node out of stack mid-message, which leaves the connection unusable.
        if (error instanceof RangeError && transaction) {
          await destroyConnection(transaction).catch(() => false);
          throw new QueryError(TOO_DEEP);
        }
        throw consoleError(error, 0);
      }
    },
    async close() {
      if (transaction?.isOpen()) await transaction.rollback().catch(() => undefined);
      await session.close().catch(() => undefined);
    },
    async destroy() {
      return transaction ? destroyConnection(transaction) : false;
    },
  };
}
