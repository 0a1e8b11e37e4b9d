/**
 * Run by console-execution.test.ts in a Node with a small stack (`node --stack-size=…`): console
 * queries against the run's throwaway Neo4j whose answers the driver, which decodes values
 * recursively, cannot unpack in that stack, then plain ones on the same pools. Prints one JSON
 * line per query: what came back (the error's class and message, or the rows).
 *
 * A small stack makes the driver's limit come early, where Neo4j packs the value warm or cold;
 * in a normal stack the driver's limit lies near Neo4j's own, which depends on how warm its JIT is.
 */
import { executeConsoleQuery } from '../../server/services/console/execute';
import { openDatabase } from './database';

const nested = (levels: number): string => `RETURN reduce(acc = [], i IN range(1, ${levels}) | [acc]) AS deep`;

async function main(): Promise<void> {
  const database = openDatabase(undefined, { maxConnectionPoolSize: 1, consolePoolSize: 1, connectionAcquisitionTimeoutMs: 2_000, maxConcurrent: 4 });
  const queries = [nested(1500), nested(1500), nested(1500), 'RETURN 1 AS one', 'RETURN 1 AS one'];
  try {
    for (const [index, query] of queries.entries()) {
      const began = Date.now();
      try {
        const result = await executeConsoleQuery(database, query, {}, {
          timeoutMs: 5_000,
          maxRows: 10,
          check: () => undefined,
          metadata: { app: 'fingraph-console', request: `small-stack-${index}`, client: '127.0.0.1' },
        });
        console.log(JSON.stringify({ query: index, ms: Date.now() - began, rows: result.records.map((record) => (record.keys.includes('one') ? Number(record.get('one')) : 'deep')) }));
      } catch (error) {
        console.log(JSON.stringify({ query: index, ms: Date.now() - began, error: (error as Error).constructor.name, message: (error as Error).message }));
      }
    }
  } finally {
    await database.close();
  }
}

void main();
