/** The console's rate limit bookkeeping, with a clock the test drives. */
import { TokenBuckets } from '../../server/http/rate-limit';

test('a burst is allowed, then one request per interval; the wait is said in whole seconds', () => {
  const buckets = new TokenBuckets({ perMinute: 60, burst: 3 });
  expect([0, 0, 0].map((at) => buckets.take('a', at))).toEqual([0, 0, 0]);
  expect(buckets.take('a', 0)).toBe(1);
  expect(buckets.take('a', 500)).toBe(1);
  expect(buckets.take('a', 1000)).toBe(0);
  expect(buckets.take('a', 1000)).toBe(1);
  // Another client has its own bucket; a quiet minute fills a bucket back to the burst, no more.
  expect(buckets.take('b', 1000)).toBe(0);
  expect([0, 0, 0, 0].map(() => buckets.take('a', 61_000))).toEqual([0, 0, 0, 1]);
});

test('a slow rate tells the client to wait longer', () => {
  const buckets = new TokenBuckets({ perMinute: 2, burst: 1 });
  expect(buckets.take('a', 0)).toBe(0);
  expect(buckets.take('a', 0)).toBe(30);
  expect(buckets.take('a', 20_000)).toBe(10);
});
