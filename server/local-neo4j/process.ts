/**
 * Starts, finds and stops the local Neo4j JVM process of one home folder (its data, logs and
 * configuration). The process writes its pid and Bolt port into HOME/run/neo4j.json so that
 * `db:status`, `db:stop` and a later `npm start` find it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../config';
import { LocalNeo4jError } from './errors';
import { transactionMemoryLimits } from './memory';
import { CLASS_PATH, LAUNCHER_CLASS, RUNTIME_DIR } from './runtime';

export interface LocalNeo4jProcess {
  pid: number;
  boltPort: number;
  home: string;
  startedAt: string;
}

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

const runFile = (home: string): string => path.join(home, 'run', 'neo4j.json');
export const launcherLog = (home: string): string => path.join(home, 'logs', 'launcher.log');
const debugLog = (home: string): string => path.join(home, 'logs', 'debug.log');

/** Whether the local Neo4j of this home folder is recorded as running (its run file exists); no clean-up. */
export function isRecordedRunning(home: string): boolean {
  return fs.existsSync(runFile(home));
}

export function isLauncherAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  // Where /proc exists, make sure the pid was not reused by another program (and is not a zombie).
  return !fs.existsSync('/proc/self') || (fs.existsSync(cmdline) && fs.readFileSync(cmdline, 'utf8').includes(LAUNCHER_CLASS));
}

/** The running local Neo4j of this home folder, or null (a stale run file is removed). */
export function findLocalNeo4j(home: string): LocalNeo4jProcess | null {
  const file = runFile(home);
  if (!fs.existsSync(file)) return null;
  let recorded: LocalNeo4jProcess;
  try {
    recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as LocalNeo4jProcess;
  } catch {
    fs.rmSync(file, { force: true });
    return null;
  }
  if (isLauncherAlive(recorded.pid)) return recorded;
  fs.rmSync(file, { force: true });
  return null;
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port that is free on 127.0.0.1 now (for throwaway instances in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The last lines of a log, leaving out Java stack frames ("at ..."), which say nothing to a user. */
export function tail(file: string, lines: number): string {
  if (!fs.existsSync(file)) return '(no log)';
  const kept = fs
    .readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line));
  return kept.slice(-lines).join('\n') || '(empty)';
}

/** The launcher's own one-line reason, when it gave one. */
function failureReason(output: string): string | undefined {
  return /^FINGRAPH_NEO4J_FAILED (.*)$/m.exec(output)?.[1];
}

function writeConfiguration(settings: LocalNeo4jSettings): string {
  const template = fs.readFileSync(path.join(RUNTIME_DIR, 'neo4j.conf'), 'utf8');
  const importDir = path.join(settings.home, 'import');
  fs.mkdirSync(importDir, { recursive: true });
  const conf = path.join(settings.home, 'neo4j.conf');
  const memory = transactionMemoryLimits(settings.heap);
  fs.writeFileSync(
    conf,
    [
      template.trimEnd(),
      '',
      '# Written by Fingraph for this instance at each start.',
      `server.bolt.listen_address=127.0.0.1:${settings.boltPort}`,
      `server.bolt.advertised_address=127.0.0.1:${settings.boltPort}`,
      `server.memory.pagecache.size=${settings.pageCache}`,
      // Tracked transaction memory stays inside this heap (server/local-neo4j/memory.ts).
      `dbms.memory.transaction.total.max=${memory.total}`,
      `db.memory.transaction.max=${memory.perTransaction}`,
      `server.directories.import=${importDir}`,
      '',
    ].join('\n'),
  );
  return conf;
}

function jvmArguments(settings: LocalNeo4jSettings, conf: string, exitWithParent: boolean): string[] {
  return [
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    CLASS_PATH,
    LAUNCHER_CLASS,
    '--home',
    settings.home,
    '--conf',
    conf,
    ...(exitWithParent ? ['--exit-with-parent'] : []),
  ];
}

export interface StartOptions {
  password: string;
  /** Stop Neo4j when the calling process exits (npm start, tests); db:start leaves it running. */
  exitWithParent: boolean;
}

/**
 * Starts the local Neo4j of `settings.home`, or returns the one already running there.
 * Throws LocalNeo4jError (with the tail of its log) when it cannot start; nothing is left running.
 */
export async function startLocalNeo4j(
  settings: LocalNeo4jSettings,
  options: StartOptions,
): Promise<{ process: LocalNeo4jProcess; reused: boolean }> {
  const running = findLocalNeo4j(settings.home);
  if (running) {
    if (running.boltPort !== settings.boltPort) {
      throw new LocalNeo4jError(
        `The local Neo4j in ${settings.home} is already running on port ${running.boltPort}, not ${settings.boltPort}. Stop it with \`npm run db:stop\`, or set NEO4J_LOCAL_PORT=${running.boltPort}.`,
      );
    }
    return { process: running, reused: true };
  }
  if (!(await isPortFree(settings.boltPort))) {
    throw new LocalNeo4jError(
      `Port ${settings.boltPort} on 127.0.0.1 is already in use by another program, so the local Neo4j cannot listen there. Stop that program, or set NEO4J_LOCAL_PORT to a free port (or NEO4J_URI to use a Neo4j that is already running).`,
    );
  }
  fs.mkdirSync(path.join(settings.home, 'logs'), { recursive: true });
  fs.mkdirSync(path.join(settings.home, 'run'), { recursive: true });
  const conf = writeConfiguration(settings);
  const logFile = launcherLog(settings.home);
  const log = fs.openSync(logFile, 'w');
  const child = spawn('java', jvmArguments(settings, conf, options.exitWithParent), {
    cwd: settings.home,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, FINGRAPH_NEO4J_PASSWORD: options.password },
  });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) {
    throw new LocalNeo4jError('Java could not be started for the local Neo4j. Check that `java -version` works.');
  }
  child.unref();
  const started: LocalNeo4jProcess = { pid, boltPort: settings.boltPort, home: settings.home, startedAt: new Date().toISOString() };
  fs.writeFileSync(runFile(settings.home), `${JSON.stringify(started, null, 2)}\n`);

  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? -1 : null);
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const output = fs.readFileSync(logFile, 'utf8');
    if (output.includes('FINGRAPH_NEO4J_READY')) return { process: started, reused: false };
    const failed = output.includes('FINGRAPH_NEO4J_FAILED') || exitCode !== undefined;
    if (failed || Date.now() > deadline) {
      await stopPid(pid);
      fs.rmSync(runFile(settings.home), { force: true });
      const reason = failed ? `failed to start: ${failureReason(output) ?? `the process exited (code ${String(exitCode)})`}` : `did not start within ${START_TIMEOUT_MS / 1000} s`;
      throw new LocalNeo4jError(
        `The local Neo4j ${reason}\nLast lines of ${logFile}:\n${tail(logFile, 12)}\n` +
          `Last lines of ${debugLog(settings.home)}:\n${tail(debugLog(settings.home), 10)}\n` +
          'If the data folder is damaged, `npm run db:reset` starts from an empty database (it deletes the local data).',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopPid(pid: number, timeoutMs = STOP_TIMEOUT_MS, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  let killed = signal === 'SIGKILL';
  // After SIGKILL, a few seconds for the kernel to let it go (its port is then free).
  while (isLauncherAlive(pid) && Date.now() < deadline + 5_000) {
    if (!killed && Date.now() > deadline) {
      killed = true;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops the local Neo4j of this home folder cleanly (SIGKILL after a minute). False if none ran. */
export async function stopLocalNeo4j(home: string): Promise<boolean> {
  const running = findLocalNeo4j(home);
  if (!running) return false;
  await stopPid(running.pid);
  fs.rmSync(runFile(home), { force: true });
  return true;
}

/**
 * Kills the local Neo4j of this home folder at once (SIGKILL): for a process that no longer answers, or
 * that runs a transaction nothing else can stop. Its store recovers from the transaction log at the
 * next start. False if none ran.
 */
export async function killLocalNeo4j(home: string): Promise<boolean> {
  const running = findLocalNeo4j(home);
  if (!running) return false;
  await stopPid(running.pid, 0, 'SIGKILL');
  fs.rmSync(runFile(home), { force: true });
  return true;
}

/** Stops the local Neo4j and deletes its home folder: data, logs and configuration. */
export async function resetLocalNeo4j(home: string): Promise<void> {
  await stopLocalNeo4j(home);
  fs.rmSync(home, { recursive: true, force: true });
}
