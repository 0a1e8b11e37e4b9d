/**
 * Rate limiting per client (by IP address; behind a proxy set TRUST_PROXY so that it is the
 * client's): a token bucket that allows a burst, then a steady rate. Over the limit, 429 with
 * Retry-After. The buckets live in this process only: behind a load balancer each copy of the server
 * limits what reaches it, which bounds the load on Neo4j per copy without shared state.
 */
import type { RequestHandler } from 'express';
import { TooManyRequestsError } from '../errors';

export interface RateLimit {
  /** Requests allowed per minute, on average. */
  perMinute: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Pure bookkeeping, with the clock passed in (tests drive it). */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit) {}

  /** Takes one token for `key`: 0 when allowed, else the seconds until one is free. */
  take(key: string, now: number): number {
    const rate = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  /** Forgets clients whose buckets have filled up again (memory stays bounded). */
  private prune(now: number): void {
    const rate = this.limit.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) * rate >= this.limit.burst) this.buckets.delete(key);
  }
}

export function rateLimit(limit: RateLimit, what: string): RequestHandler {
  const buckets = new TokenBuckets(limit);
  return (request, response, next) => {
    const wait = buckets.take(request.ip ?? 'unknown', Date.now());
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new TooManyRequestsError(`Too many ${what} from this client: at most ${limit.perMinute} a minute (bursts of ${limit.burst}). Try again in ${wait} s.`);
    }
    next();
  };
}
