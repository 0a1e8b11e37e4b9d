/**
 * Brings up what the API needs: the local Neo4j (when NEO4J_URI is unset), a verified connection,
 * the schema, and the seed data in an empty database. Used by `npm start`, `npm run dev` and the
 * seed commands. On failure nothing it started is left running.
 */
import type { Config } from '../config';
import { Database, describeUri, loadQueries, type ServerInfo } from '../neo4j';
import { installRuntime, LocalNeo4jSupervisor, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jProcess } from '../local-neo4j';
import { DatabaseUnavailableError } from '../errors';
import { API_VERSION } from '../version';

export interface Backend {
  database: Database;
  /** The server's version; null while an external Neo4j does not answer yet (see `ready`). */
  server: ServerInfo | null;
  /** Resolves when Neo4j answers (at once when it did at boot). */
  ready: Promise<ServerInfo>;
  /**
   * The local Neo4j's supervisor (it restarts a Neo4j that died or hangs); null with NEO4J_URI.
   * Its restart() is how the console watchdog stops a transaction that ignores termination.
   */
  supervisor: LocalNeo4jSupervisor | null;
  /** Closes the driver, and stops the local Neo4j if this boot (or its supervisor) started it. */
  shutdown(): Promise<void>;
}

export type Log = (line: string) => void;

const LOCAL_CONNECT_TIMEOUT_MS = 30_000;

const WAIT_RETRY_MS = 2_000;

/**
 * `waitForNeo4j`: an external Neo4j that is not reachable yet (it may be starting, or down for a
 * moment) does not stop the boot: the API can serve 503s and recover by itself, and `ready` resolves
 * once Neo4j answers. Wrong credentials or a missing database still fail at once.
 */
export async function bootBackend(config: Config, log: Log, options: { waitForNeo4j?: boolean } = {}): Promise<Backend> {
  let startedLocal = false;
  let local: LocalNeo4jProcess | null = null;
  let supervisor: LocalNeo4jSupervisor | null = null;
  if (!config.externalNeo4j) {
    const installed = await installRuntime(log);
    if (installed === 'installed') log('');
    const began = Date.now();
    const { process, reused } = await startLocalNeo4j(config.local, { password: config.neo4j.password, exitWithParent: true });
    startedLocal = !reused;
    local = process;
    log(
      reused
        ? `Using the local Neo4j already running (pid ${process.pid}, bolt://127.0.0.1:${process.boltPort}).`
        : `Started the local Neo4j in ${((Date.now() - began) / 1000).toFixed(1)} s (pid ${process.pid}, data in ${config.local.home}).`,
    );
  }
  const stopLocal = async (): Promise<void> => {
    supervisor?.stop();
    if (startedLocal || supervisor?.startedOwn) {
      log('Stopping the local Neo4j...');
      await stopLocalNeo4j(config.local.home);
    }
  };

  let database: Database | undefined;
  try {
    database = Database.create(config.neo4j, loadQueries(), { queryTimeoutMs: config.queryTimeoutMs, userAgent: `fingraph/${API_VERSION}`, maxConcurrent: config.maxConcurrent, queueTimeoutMs: config.queueTimeoutMs });
    const opened = database;
    let closed = false;
    const connected = (server: ServerInfo): ServerInfo => {
      log(`Connected to Neo4j ${server.version} ${server.edition} at ${config.externalNeo4j ? describeUri(config.neo4j.uri) : 'the local server'}${config.neo4j.database ? `, database ${config.neo4j.database}` : ''}.`);
      return server;
    };
    let server: ServerInfo | null = null;
    let ready: Promise<ServerInfo>;
    try {
      server = connected(await verifyWithPatience(opened, config.externalNeo4j ? 0 : LOCAL_CONNECT_TIMEOUT_MS));
      ready = Promise.resolve(server);
    } catch (error) {
      if (!(options.waitForNeo4j && config.externalNeo4j && isUnreachable(error))) throw error;
      log(`Neo4j at ${describeUri(config.neo4j.uri)} does not answer yet: serving 503s until it does, retrying every ${WAIT_RETRY_MS / 1000} s.`);
      ready = (async () => {
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, WAIT_RETRY_MS).unref());
          if (closed) return new Promise<never>(() => undefined);
          try {
            return connected(await opened.verify());
          } catch (retryError) {
            if (!isUnreachable(retryError)) throw retryError;
          }
        }
      })();
    }
    if (local) {
      supervisor = new LocalNeo4jSupervisor(local, { settings: config.local, password: config.neo4j.password, log, probe: () => opened.verify() });
    }
    return {
      database: opened,
      server,
      ready,
      supervisor,
      async shutdown() {
        closed = true;
        await opened.close();
        await stopLocal();
      },
    };
  } catch (error) {
    await database?.close();
    await stopLocal();
    throw error;
  }
}

function isUnreachable(error: unknown): boolean {
  return error instanceof DatabaseUnavailableError && error.code === 'ServiceUnavailable';
}

/** A freshly started local server can take a moment to accept logins; an external one gets one try. */
async function verifyWithPatience(database: Database, patienceMs: number): Promise<ServerInfo> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      return await database.verify();
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError) || error.code !== 'ServiceUnavailable' || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
  }
}
