/**
 * Keeps the local Neo4j running for the process that started it (`npm start`, `npm run dev`): when it
 * dies (an OutOfMemoryError exits its JVM, a kill) or its Bolt stops answering, it is started again on
 * the same folder and port, with a log line. Meanwhile the API answers 503 (Neo4j is unreachable) and
 * recovers by itself. Restarts after a crash back off (1 s, 2 s, 4 s... at most 30 s) and stop after
 * `maxRestarts` within `windowMs`, with a message that says what to do.
 */
import fs from 'node:fs';
import type { LocalNeo4jSettings } from '../config';
import { isLauncherAlive, isPortFree, isRecordedRunning, killLocalNeo4j, launcherLog, startLocalNeo4j, tail, type LocalNeo4jProcess } from './process';

export interface SupervisorOptions {
  settings: LocalNeo4jSettings;
  password: string;
  log: (line: string) => void;
  /** Resolves when Bolt answers a query; rejects when it does not. */
  probe?: () => Promise<unknown>;
  /** How often the process is looked at (ms). */
  pollMs?: number;
  /** How often Bolt is probed, and how many failed probes in a row count as "not answering". */
  probeEveryMs?: number;
  probeFailures?: number;
  /** Restarts allowed within windowMs before the supervisor gives up. */
  maxRestarts?: number;
  windowMs?: number;
  /** The first back-off (doubled at each restart within the window), and its ceiling. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export type SupervisorState = 'running' | 'restarting' | 'gave-up' | 'stopped';

const PROBE_TIMEOUT_MS = 10_000;

export class LocalNeo4jSupervisor {
  private current: LocalNeo4jProcess;
  private timer: NodeJS.Timeout | undefined;
  private stateValue: SupervisorState = 'running';
  private restarts: number[] = [];
  private failedProbes = 0;
  private lastProbe = Date.now();
  private probing = false;
  private deadSince = 0;
  private restarting: Promise<void> | null = null;
  /** True once this supervisor has started a Neo4j of its own (it then stops it at shutdown). */
  startedOwn = false;

  constructor(
    running: LocalNeo4jProcess,
    private readonly options: SupervisorOptions,
  ) {
    this.current = running;
    this.timer = setInterval(() => this.look(), options.pollMs ?? 1_000);
    this.timer.unref();
  }

  get state(): SupervisorState {
    return this.stateValue;
  }

  get pid(): number {
    return this.current.pid;
  }

  /**
   * Kills the local Neo4j and starts it again (a transaction that ignores termination can be stopped
   * no other way). Resolves once it runs again, or once the supervisor has given up. A restart on
   * purpose (`deliberate`: its cause is known and gone with the process) starts at once and does not
   * count towards the limit; one after a crash backs off and counts.
   */
  restart(reason: string, { deliberate = false }: { deliberate?: boolean } = {}): Promise<void> {
    if (this.restarting) return this.restarting;
    if (this.stateValue !== 'running') return Promise.resolve();
    this.restarting = this.recover(reason, deliberate).finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  /** Stops watching (before a shutdown stops Neo4j on purpose). */
  stop(): void {
    this.stateValue = 'stopped';
    clearInterval(this.timer);
  }

  /** Read through a method: stop() may run while recover() awaits. */
  private isStopped(): boolean {
    return this.stateValue === 'stopped';
  }

  private look(): void {
    if (this.stateValue !== 'running' || this.restarting) return;
    const { home } = this.options.settings;
    if (!isLauncherAlive(this.current.pid)) {
      // `npm run db:stop` removes the run file once the process is gone; a crash or a kill leaves it.
      // The first look at a dead process waits one more poll for that.
      if (!this.deadSince) {
        this.deadSince = Date.now();
        return;
      }
      this.deadSince = 0;
      if (!isRecordedRunning(home)) {
        this.stop();
        this.options.log('The local Neo4j was stopped (npm run db:stop?): not restarting it. The API answers 503 until it runs again (npm run db:start).');
        return;
      }
      this.restart(`the process (pid ${this.current.pid}) has exited: ${lastWords(home)}`).catch(() => undefined);
      return;
    }
    const probe = this.options.probe;
    if (!probe || this.probing || Date.now() - this.lastProbe < (this.options.probeEveryMs ?? 10_000)) return;
    this.probing = true;
    this.lastProbe = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS);
    });
    Promise.race([probe(), timeout])
      .then(
        () => {
          this.failedProbes = 0;
        },
        () => {
          this.failedProbes += 1;
          const limit = this.options.probeFailures ?? 3;
          if (this.failedProbes >= limit && this.stateValue === 'running') {
            this.failedProbes = 0;
            this.restart(`Bolt did not answer ${limit} checks in a row`).catch(() => undefined);
          }
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.probing = false;
      });
  }

  private async recover(reason: string, deliberate: boolean): Promise<void> {
    const { settings, log } = this.options;
    const windowMs = this.options.windowMs ?? 10 * 60_000;
    const maxRestarts = this.options.maxRestarts ?? 5;
    this.stateValue = 'restarting';
    for (;;) {
      if (this.isStopped()) return;
      const now = Date.now();
      this.restarts = this.restarts.filter((at) => now - at < windowMs);
      // The limit is for crash loops: a restart on purpose (the watchdog's, whose client is then
      // refused) is not counted, so that a few runaway queries cannot make the supervisor give up.
      if (!deliberate && this.restarts.length >= maxRestarts) {
        this.stateValue = 'gave-up';
        clearInterval(this.timer);
        log(
          `The local Neo4j needed ${maxRestarts} restarts within ${Math.round(windowMs / 60_000)} min; Fingraph no longer restarts it and the API answers 503. ` +
            `Look at ${launcherLog(settings.home)} (and its .previous copy) and ${settings.home}/logs/debug.log, then restart Fingraph.`,
        );
        return;
      }
      if (!deliberate) this.restarts.push(now);
      const backoff = deliberate ? 0 : Math.min(this.options.maxBackoffMs ?? 30_000, (this.options.backoffMs ?? 1_000) * 2 ** (this.restarts.length - 1));
      const counted = deliberate ? 'on purpose, not counted' : `restart ${this.restarts.length} of at most ${maxRestarts} in ${Math.round(windowMs / 60_000)} min`;
      log(`The local Neo4j must restart: ${reason}. Restarting it${backoff > 0 ? ` in ${(backoff / 1000).toFixed(1)} s` : ' now'} (${counted}); the API answers 503 meanwhile.`);
      await killLocalNeo4j(settings.home);
      keepPreviousLog(settings.home);
      await new Promise((resolve) => setTimeout(resolve, backoff));
      // A killed JVM leaves /proc before its sockets are closed: wait for the port to be free.
      for (const until = Date.now() + 15_000; Date.now() < until && !(await isPortFree(settings.boltPort)); ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      if (this.isStopped()) return;
      const began = Date.now();
      try {
        const { process: started } = await startLocalNeo4j(settings, { password: this.options.password, exitWithParent: true });
        if (this.isStopped()) {
          await killLocalNeo4j(settings.home);
          return;
        }
        this.current = started;
        this.startedOwn = true;
        this.failedProbes = 0;
        this.lastProbe = Date.now();
        this.stateValue = 'running';
        log(`Restarted the local Neo4j in ${((Date.now() - began) / 1000).toFixed(1)} s (pid ${started.pid}); the API recovers by itself.`);
        return;
      } catch (error) {
        reason = `it did not start again: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        deliberate = false;
      }
    }
  }
}

/** The last line the dead process wrote (an OutOfMemoryError says so there). */
function lastWords(home: string): string {
  const last = tail(launcherLog(home), 1).trim();
  return last === '' || last.startsWith('(') || last.startsWith('FINGRAPH_NEO4J_READY') ? 'it left no message in its log (killed?)' : last;
}

/** The dead process's log is kept as launcher.log.previous (the next start writes launcher.log anew). */
function keepPreviousLog(home: string): void {
  const log = launcherLog(home);
  if (fs.existsSync(log)) fs.copyFileSync(log, `${log}.previous`);
}
