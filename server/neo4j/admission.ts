/**
 * Admission control: at most `max` pieces of work run at once; the rest wait their turn in order.
 * One that waits longer than `queueTimeoutMs` is not run: it fails with DatabaseBusyError (the
 * request is answered 503 with Retry-After), so that the admitted queries keep their speed instead
 * of every request slowing down until clients time out. Pure: no Neo4j.
 */
import { DatabaseBusyError } from '../errors';

export const DEFAULT_MAX_CONCURRENT = 16;
export const DEFAULT_QUEUE_TIMEOUT_MS = 5_000;

export class Admission {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly max: number = DEFAULT_MAX_CONCURRENT,
    private readonly queueTimeoutMs: number = DEFAULT_QUEUE_TIMEOUT_MS,
  ) {
    if (!(max >= 1)) throw new RangeError(`Admission needs room for at least one piece of work at once (got ${max}).`);
  }

  /** Work running now. */
  get active(): number {
    return this.running;
  }

  /** Work waiting for its turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `work` once it is admitted; its turn goes to the next in line when it settles, however it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.turn();
    try {
      return await work();
    } finally {
      this.done();
    }
  }

  private turn(): Promise<void> {
    if (this.running < this.max) {
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
      }, this.queueTimeoutMs);
      this.queue.push(admit);
    });
  }

  /** Hands the finished work's turn to the next in line (the count of running work stays the same). */
  private done(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running -= 1;
  }
}
