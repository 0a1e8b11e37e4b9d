/**
 * The console watchdog: makes a console query's cost bounded in fact, not only in its status.
 *
 * Neo4j checks a transaction's timeout and termination between rows, not inside one expression: a
 * reduce() over millions of items or a catastrophic regular expression is marked "Terminated" and
 * runs on at 100% of a core. So each console query given up on (past its time limit, or cancelled) is
 * looked for in SHOW TRANSACTIONS (cypher/console/stuck.cypher) once its time limit and a grace have
 * passed. A transaction still there is stuck:
 * - on the local Neo4j, Neo4j is restarted through its supervisor (the API answers 503 meanwhile);
 * - on an external Neo4j, which Fingraph cannot restart, it is logged at warn (transaction id, start,
 *   request id, client) and listed by GET /api/health until it ends;
 * and in both cases the client that sent it gets no console queries for a while (429).
 * The state lives in this process only, like the rate limit's.
 */
import type { StuckConsoleTransaction } from '../contract';
import { ApiError } from '../errors';
import type { Logger } from '../http/logger';
import { toPlain, type Database } from '../neo4j';

export interface ConsoleWatchdogOptions {
  /** The console's time limit (ms). */
  timeoutMs: number;
  /** How long past its time limit a console transaction may still run before it counts as stuck (ms). */
  graceMs: number;
  /** How long the client of a stuck transaction is refused console queries (ms). */
  blockMs: number;
  logger: Logger;
  /**
   * Restarts the local Neo4j (its supervisor's restart()); absent for an external Neo4j, where the
   * stuck transaction can only be reported.
   */
  restart?: (reason: string) => Promise<void>;
  /** How often the watchdog looks while queries are due (ms). */
  tickMs?: number;
}

/** The console refuses this client for a while: a query it sent ran on past its limit. */
export class ConsoleClientBlockedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'Too Many Requests', message, 'ConsoleClientBlocked');
  }
}

interface Watched {
  client: string;
  /** When the console query was sent (ms since the epoch). */
  since: number;
}

/** A row of cypher/console/stuck.cypher. */
export interface ListedTransaction {
  transactionId: string;
  request: string;
  client: string | null;
  startTime: string;
  elapsedMs: number;
  status: string;
}

/** What one look decided: transactions newly found stuck (to log, and to restart for). */
export interface Verdict {
  stuck: StuckConsoleTransaction[];
}

/**
 * The watchdog's bookkeeping, without I/O (the clock is passed in): which requests to look for, which
 * transactions are stuck, which clients are refused until when.
 */
export class ConsoleWatchBook {
  private readonly watched = new Map<string, Watched>();
  private readonly stuck = new Map<string, StuckConsoleTransaction>();
  private readonly blocked = new Map<string, { until: number; request: string }>();

  constructor(private readonly limits: Pick<ConsoleWatchdogOptions, 'timeoutMs' | 'graceMs' | 'blockMs'>) {}

  /** A console query given up on (timed out, cancelled): to look for once its limit and grace are past. */
  watch(request: string, client: string, now: number): void {
    if (this.watched.size >= 10_000) this.watched.delete(this.watched.keys().next().value!);
    this.watched.set(request, { client, since: now });
  }

  /** The requests to look for now: due ones, and those listed as stuck (to see whether they ended). */
  due(now: number): string[] {
    const threshold = this.limits.timeoutMs + this.limits.graceMs;
    const due = [...this.watched].filter(([, watched]) => now - watched.since >= threshold).map(([request]) => request);
    return [...new Set([...due, ...[...this.stuck.values()].map((entry) => entry.request)])];
  }

  /** Takes what SHOW TRANSACTIONS listed for `looked` (the due requests). */
  record(looked: string[], listed: ListedTransaction[], now: number): Verdict {
    const threshold = this.limits.timeoutMs + this.limits.graceMs;
    const present = new Set(listed.map((row) => row.request));
    for (const request of looked) {
      if (present.has(request)) continue;
      this.watched.delete(request);
    }
    for (const [id, entry] of this.stuck) if (!present.has(entry.request)) this.stuck.delete(id);
    const fresh: StuckConsoleTransaction[] = [];
    for (const row of listed) {
      // Started late (it waited for its turn): not past its own limit yet.
      if (row.elapsedMs < threshold) continue;
      const client = row.client ?? this.watched.get(row.request)?.client ?? null;
      const entry: StuckConsoleTransaction = {
        transactionId: row.transactionId,
        startedAt: row.startTime,
        request: row.request,
        client,
        overdueSeconds: Math.round((row.elapsedMs - this.limits.timeoutMs) / 1000),
        status: row.status,
      };
      if (!this.stuck.has(row.transactionId)) {
        fresh.push(entry);
        if (client && this.limits.blockMs > 0) this.blocked.set(client, { until: now + this.limits.blockMs, request: row.request });
      }
      this.stuck.set(row.transactionId, entry);
      this.watched.delete(row.request);
    }
    return { stuck: fresh };
  }

  /** Forgets the stuck transactions (the Neo4j that ran them was restarted). */
  cleared(): void {
    this.stuck.clear();
    this.watched.clear();
  }

  /** Seconds until `client` may send console queries again; 0 when it may now. */
  blockedFor(client: string, now: number): { seconds: number; request: string } | null {
    const block = this.blocked.get(client);
    if (!block) return null;
    if (block.until <= now) {
      this.blocked.delete(client);
      return null;
    }
    return { seconds: Math.ceil((block.until - now) / 1000), request: block.request };
  }

  listStuck(): StuckConsoleTransaction[] {
    return [...this.stuck.values()];
  }
}

export class ConsoleWatchdog {
  private readonly book: ConsoleWatchBook;
  private readonly timer: NodeJS.Timeout;
  private looking = false;

  constructor(
    private readonly database: Database,
    private readonly options: ConsoleWatchdogOptions,
  ) {
    this.book = new ConsoleWatchBook(options);
    this.timer = setInterval(() => void this.look(), options.tickMs ?? 1_000);
    this.timer.unref();
  }

  /** Throws ConsoleClientBlockedError while this client is refused console queries. */
  admit(client: string): void {
    const block = this.book.blockedFor(client, Date.now());
    if (!block) return;
    throw new ConsoleClientBlockedError(
      `A console query from this client (request ${block.request}) ran past the console's time limit and Neo4j could not stop it, so this client's console queries are refused for now. ` +
        `Try again in ${block.seconds} s, with a query that does less inside one expression (shorter lists for reduce() and comprehensions, simpler regular expressions).`,
      block.seconds,
    );
  }

  /** A console query given up on (timed out or cancelled): its transaction is looked for later. */
  givenUp(request: string, client: string): void {
    this.book.watch(request, client, Date.now());
  }

  /** For GET /api/health: the stuck console transactions, without their query or parameters. */
  report(): { stuck: StuckConsoleTransaction[] } {
    return { stuck: this.book.listStuck() };
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** One look (the timer's; tests may call it). */
  async look(): Promise<void> {
    const due = this.book.due(Date.now());
    if (due.length === 0 || this.looking) return;
    this.looking = true;
    try {
      let listed: ListedTransaction[];
      try {
        const result = await this.database.read('console/stuck', { requests: due });
        listed = result.records.map((record) => ({
          transactionId: record.get('transactionId'),
          request: record.get('request'),
          client: record.get('client') ?? null,
          startTime: record.get('startTime'),
          elapsedMs: Number(toPlain(record.get('elapsedMs'))),
          status: record.get('status'),
        }));
      } catch {
        return; // Neo4j down or busy: the next look tries again.
      }
      const verdict = this.book.record(due, listed, Date.now());
      for (const entry of verdict.stuck) {
        this.options.logger.warn(
          { transactionId: entry.transactionId, startedAt: entry.startedAt, request: entry.request, client: entry.client, overdueSeconds: entry.overdueSeconds, status: entry.status, blockedForSeconds: Math.round(this.options.blockMs / 1000) },
          this.options.restart
            ? 'a console transaction ignores termination: restarting the local Neo4j'
            : "a console transaction ignores termination and Neo4j cannot stop it: it holds a core until it ends (this Neo4j's own limits apply); its client's console queries are refused for a while",
        );
      }
      if (verdict.stuck.length > 0 && this.options.restart) {
        const first = verdict.stuck[0]!;
        await this.options.restart(`console transaction ${first.transactionId} (request ${first.request}) still runs ${first.overdueSeconds} s past the console's limit and ignores termination`);
        this.book.cleared();
      }
    } finally {
      this.looking = false;
    }
  }
}
