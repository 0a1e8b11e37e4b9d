/** The console watchdog's bookkeeping and the local Neo4j's memory limits, without a database. */
import { transactionMemoryLimits } from '../../server/local-neo4j';
import { ConsoleWatchBook, type ListedTransaction } from '../../server/services/console-watchdog';

const limits = { timeoutMs: 15_000, graceMs: 5_000, blockMs: 600_000 };
const row = (request: string, elapsedMs: number, client: string | null = '203.0.113.9'): ListedTransaction => ({
  transactionId: `neo4j-transaction-${request}`,
  request,
  client,
  startTime: '2026-12-01T09:00:00.000Z',
  elapsedMs,
  status: 'Terminated with reason: Status.Code[Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration]',
});

test('a console query given up on is looked for only once its time limit and the grace have passed', () => {
  const book = new ConsoleWatchBook(limits);
  book.watch('r1', '203.0.113.9', 0);
  expect(book.due(19_999)).toEqual([]);
  expect(book.due(20_000)).toEqual(['r1']);
});

test('a transaction that ended is forgotten; one still listed past the limit and grace is stuck, once, and blocks its client', () => {
  const book = new ConsoleWatchBook(limits);
  book.watch('gone', '198.51.100.1', 0);
  book.watch('stuck', '203.0.113.9', 0);
  const verdict = book.record(['gone', 'stuck'], [row('stuck', 21_000)], 21_000);
  expect(verdict.stuck).toEqual([expect.objectContaining({ request: 'stuck', client: '203.0.113.9', overdueSeconds: 6 })]);
  expect(book.due(40_000)).toEqual(['stuck']);
  // Seen again: still listed, not reported twice.
  expect(book.record(['stuck'], [row('stuck', 40_000)], 40_000).stuck).toEqual([]);
  expect(book.listStuck()).toHaveLength(1);
  expect(book.blockedFor('203.0.113.9', 40_000)).toEqual({ seconds: 581, request: 'stuck' });
  expect(book.blockedFor('198.51.100.1', 40_000)).toBeNull();
  expect(book.blockedFor('203.0.113.9', 621_000)).toBeNull();
  // Ended: no longer listed.
  book.record(['stuck'], [], 50_000);
  expect(book.listStuck()).toEqual([]);
  expect(book.due(60_000)).toEqual([]);
});

test('a transaction that started late (it waited for its turn) is not stuck before its own limit and grace', () => {
  const book = new ConsoleWatchBook(limits);
  book.watch('late', '203.0.113.9', 0);
  expect(book.record(['late'], [row('late', 12_000)], 20_000).stuck).toEqual([]);
  expect(book.due(21_000)).toEqual(['late']);
  expect(book.record(['late'], [row('late', 20_500)], 28_500).stuck).toHaveLength(1);
});

test('the local Neo4j gives all transactions 70% of its heap and one at most half of that, never more than 512 MiB', () => {
  expect(transactionMemoryLimits('2g')).toEqual({ total: '1433m', perTransaction: '512m' });
  expect(transactionMemoryLimits('768m')).toEqual({ total: '537m', perTransaction: '268m' });
  expect(transactionMemoryLimits('8g')).toEqual({ total: '5734m', perTransaction: '512m' });
});
