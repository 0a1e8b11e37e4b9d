/** Admission control (pure): how many run at once, the order of the rest, the wait limit, turns given back on every path. */
import { DatabaseBusyError } from '../../server/errors';
import { Admission } from '../../server/neo4j';

/** A piece of work that runs until `finish` is called. */
function gate(): { promise: Promise<string>; finish(value?: string): void; fail(error: Error): void } {
  let finish!: (value?: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => {
    finish = (value = 'done') => resolve(value);
    fail = reject;
  });
  return { promise, finish, fail };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('at most max pieces of work run at once; the rest start in the order they came, each when one finishes', async () => {
  const admission = new Admission(2, 10_000);
  const gates = [gate(), gate(), gate(), gate()];
  const started: number[] = [];
  const results = gates.map((each, index) =>
    admission.run(() => {
      started.push(index);
      return each.promise;
    }),
  );
  await tick();
  expect(started).toEqual([0, 1]);
  expect([admission.active, admission.waiting]).toEqual([2, 2]);
  gates[1]!.finish('one');
  await tick();
  expect(started).toEqual([0, 1, 2]);
  gates[0]!.finish();
  await tick();
  expect(started).toEqual([0, 1, 2, 3]);
  gates[2]!.finish();
  gates[3]!.finish();
  expect(await Promise.all(results)).toEqual(['done', 'one', 'done', 'done']);
  expect([admission.active, admission.waiting]).toEqual([0, 0]);
});

test('work that waits past the queue timeout is not run: it fails with DatabaseBusyError, and the queue behind it moves on', async () => {
  const admission = new Admission(1, 50);
  const first = gate();
  const running = admission.run(() => first.promise);
  let ran = false;
  const waited = admission.run(async () => {
    ran = true;
    return 'late';
  });
  await expect(waited).rejects.toBeInstanceOf(DatabaseBusyError);
  await expect(admission.run(async () => 'x').catch((error: unknown) => error)).resolves.toBeInstanceOf(DatabaseBusyError);
  expect(ran).toBe(false);
  expect(admission.waiting).toBe(0);
  first.finish();
  await running;
  expect(await admission.run(async () => 'next')).toBe('next');
  expect(admission.active).toBe(0);
});

test('a turn is given back however the work ends: thrown, rejected or returned', async () => {
  const admission = new Admission(1, 1_000);
  await expect(
    admission.run(() => {
      throw new Error('sync');
    }),
  ).rejects.toThrow('sync');
  const failing = gate();
  const failed = admission.run(() => failing.promise);
  const after = admission.run(async () => 'after');
  failing.fail(new Error('async'));
  await expect(failed).rejects.toThrow('async');
  expect(await after).toBe('after');
  expect([admission.active, admission.waiting]).toEqual([0, 0]);
  expect(() => new Admission(0)).toThrow(RangeError);
});
