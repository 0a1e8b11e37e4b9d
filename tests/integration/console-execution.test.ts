/**
 * The console's execution against real Neo4j, without the text guard in front of it.
 *
 * Regression (issue 14): a console query whose answer never comes (Neo4j overflows its stack
 * packing a value nested thousands deep, and then says nothing on that connection) held its Bolt
 * connection for about two minutes, so that a few of them exhausted the pool. Console queries now
 * run on their own driver, and a query given up on has its connection destroyed at the deadline.
 * This runs the console's execution directly (the guard refuses such queries before they reach it).
 */
import { QueryTimeoutError } from '../../server/errors';
import { checkPlan, RefusedQueryError, type PlanOperator } from '../../server/services/console/guard';
import type { Database } from '../../server/neo4j';
import { executeConsoleQuery, type ConsoleExecution } from '../../server/services/console/execute';
import { openDatabase } from '../support/database';

let database: Database;

beforeAll(() => {
  // Tiny pools and a short wait for a connection, so that a held connection shows at once.
  database = openDatabase(undefined, { maxConnectionPoolSize: 2, consolePoolSize: 2, connectionAcquisitionTimeoutMs: 2_000, maxConcurrent: 8 });
});

afterAll(async () => {
  await database?.close();
});

const DEEP = 'RETURN reduce(acc = [], i IN range(1, 6000) | [acc]) AS deep';
const options = (request: string, timeoutMs = 1_000): ConsoleExecution => ({
  timeoutMs,
  maxRows: 10,
  check: () => undefined,
  metadata: { app: 'fingraph-console', request, client: '127.0.0.1' },
});

async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const began = Date.now();
  try {
    return { value: await work(), ms: Date.now() - began };
  } catch (error) {
    return { error, ms: Date.now() - began };
  }
}

test('console queries that never get an answer are given up at the deadline, and six of them in a row exhaust neither the console pool nor the explorer pool', async () => {
  for (let round = 0; round < 3; round += 1) {
    const answers = await Promise.all([0, 1].map((index) => timed(() => executeConsoleQuery(database, DEEP, {}, options(`deep-${round}-${index}`)))));
    for (const answer of answers) {
      // No answer from Neo4j: stopped at the console's deadline (1 s + 0.5 s), not two minutes later.
      expect(answer.error).toBeInstanceOf(QueryTimeoutError);
      expect(answer.ms).toBeLessThan(2_500);
    }
  }
  // The explorer's pool (2 connections) and the console's (2) both serve at once.
  const explorer = await timed(() => database.read('health/components'));
  expect(explorer.error).toBeUndefined();
  expect(explorer.ms).toBeLessThan(1_500);
  const consoleAfter = await Promise.all([0, 1].map((index) => timed(() => executeConsoleQuery(database, 'RETURN 1 AS one', {}, options(`after-${index}`, 5_000)))));
  for (const answer of consoleAfter) {
    expect(answer.error).toBeUndefined();
    expect(answer.value?.records.map((record) => Number(record.get('one')))).toEqual([1]);
    expect(answer.ms).toBeLessThan(3_000);
  }
});

test('regression (issue 14): the plan check alone refuses commands that EXPLAIN reports as read queries (TERMINATE, SHOW)', async () => {
  const planChecked = (request: string): ConsoleExecution => ({ ...options(request, 5_000), check: (queryType, plan) => checkPlan(queryType, plan as PlanOperator | undefined) });
  for (const command of ['CYPHER TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'SHOW TRANSACTIONS YIELD currentQuery, parameters']) {
    const answer = await timed(() => executeConsoleQuery(database, command, {}, planChecked(`plan-${command.length}`)));
    expect(answer.error).toBeInstanceOf(RefusedQueryError);
    expect((answer.error as Error).message).toMatch(/runs a command \((TerminateTransactions|ShowTransactions)\)/);
  }
});

