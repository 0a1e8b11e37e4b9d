/**
 * The console's execution against real Neo4j, without the text guard in front of it.
 *
 * Regression (issue 14): a console query whose answer never comes (Neo4j overflows its stack
 * packing a value nested thousands deep, and then says nothing on that connection) held its Bolt
 * connection for about two minutes, so that a few of them exhausted the pool. Console queries now
 * run on their own driver, and a query given up on has its connection destroyed at the deadline.
 * This runs the console's execution directly (the guard refuses such queries before they reach it).
 *
 * Whether Neo4j answers such a query depends on how warm its JIT is: cold, it overflows its stack
 * at about 5,000 levels and says nothing; warm, it packs 8,000 and sends them, and then the
 * driver, which decodes recursively, runs Node out of stack at about 2,000 (a RangeError that
 * failed a CI run). Both must give a clear error at once and leave both pools serving.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';
import { QueryError, QueryTimeoutError } from '../../server/errors';
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

const nested = (levels: number): string => `RETURN reduce(acc = [], i IN range(1, ${levels}) | [acc]) AS deep`;
const DEEP = nested(6000);
const TOO_DEEP_TO_READ = /nested too deeply to read .* Return a flat value/;
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
      // No answer from Neo4j: stopped at the console's deadline (1 s + 0.5 s), not two minutes later;
      // or (a warm Neo4j) an answer too deep to decode, said so.
      if (answer.error instanceof QueryError) expect((answer.error as Error).message).toMatch(TOO_DEEP_TO_READ);
      else expect(answer.error).toBeInstanceOf(QueryTimeoutError);
      expect(answer.ms).toBeLessThan(2_500);
    }
  }
  await expectBothPoolsServe();
});

test('regression (CI): an answer nested too deeply for the driver to decode is a clear query error, and three of them in a row leave a one-connection pool serving', async () => {
  // The driver's limit brought down to about 1,000 levels by a small stack (see the script).
  const child = spawnSync(process.execPath, ['--stack-size=200', '--import', 'tsx', path.join(PROJECT_ROOT, 'tests', 'support', 'small-stack-console.ts')], {
    cwd: PROJECT_ROOT,
    env: process.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const answers = child.stdout.trim().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { query: number; ms: number; error?: string; message?: string; rows?: unknown[] });
  expect({ status: child.status, stderr: child.stderr.slice(-2000), queries: answers.length }).toEqual({ status: 0, stderr: '', queries: 5 });
  for (const answer of answers.slice(0, 3)) {
    expect(answer.error).toBe('QueryError');
    expect(answer.message).toMatch(TOO_DEEP_TO_READ);
    expect(answer.ms).toBeLessThan(2_500);
  }
  for (const answer of answers.slice(3)) expect(answer).toMatchObject({ rows: [1] });
});

/** The explorer's pool (2 connections) and the console's (2) both serve at once. */
async function expectBothPoolsServe(): Promise<void> {
  const explorer = await timed(() => database.read('health/components'));
  expect(explorer.error).toBeUndefined();
  expect(explorer.ms).toBeLessThan(1_500);
  const consoleAfter = await Promise.all([0, 1].map((index) => timed(() => executeConsoleQuery(database, 'RETURN 1 AS one', {}, options(`after-${index}`, 5_000)))));
  for (const answer of consoleAfter) {
    expect(answer.error).toBeUndefined();
    expect(answer.value?.records.map((record) => Number(record.get('one')))).toEqual([1]);
    expect(answer.ms).toBeLessThan(3_000);
  }
}

test('regression (issue 14): the plan check alone refuses commands that EXPLAIN reports as read queries (TERMINATE, SHOW)', async () => {
  const planChecked = (request: string): ConsoleExecution => ({ ...options(request, 5_000), check: (queryType, plan) => checkPlan(queryType, plan as PlanOperator | undefined) });
  for (const command of ['CYPHER TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'SHOW TRANSACTIONS YIELD currentQuery, parameters']) {
    const answer = await timed(() => executeConsoleQuery(database, command, {}, planChecked(`plan-${command.length}`)));
    expect(answer.error).toBeInstanceOf(RefusedQueryError);
    expect((answer.error as Error).message).toMatch(/runs a command \((TerminateTransactions|ShowTransactions)\)/);
  }
});

