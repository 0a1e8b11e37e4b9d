/**
 * The one place that reads the environment. Every variable is validated once, with defaults that
 * work on a fresh machine; the README's configuration table lists the same variables.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const memorySize = z
  .string()
  .regex(/^\d+[kmg]$/i, 'must be a size such as 512m or 2g');

const neo4jUri = z
  .string()
  .regex(
    /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s/]+(:\d+)?\/?$/,
    'must look like bolt://host:7687, neo4j://host:7687 or neo4j+s://host (scheme, host and an optional port)',
  );

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** One host name (or IPv4 address, or [IPv6] in brackets) with an optional port, as a Host header gives it. */
const HOST_ENTRY = /^(\*|\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(:\d{1,5})?$/i;

const hostList = z
  .string()
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .refine((entries) => entries.length > 0 && entries.every((entry) => HOST_ENTRY.test(entry)), {
    message: 'must be host names separated by commas, each with an optional port (fingraph.example.com,10.0.0.5:3000), or * for any host',
  });

const milliseconds = (min: number, max: number) => z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(min).max(max);

const environmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name (letters, digits, dots, dashes)')
    .optional(),
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'neo4j', 'data')),
  NEO4J_HEAP: memorySize.default('2g'),
  NEO4J_PAGECACHE: memorySize.default('2g'),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  NEO4J_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1_000).optional(),
  NEO4J_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  CONSOLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  CONSOLE_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  CONSOLE_MAX_ELEMENTS: z.coerce.number().int().min(1).max(50_000).default(5_000),
  CONSOLE_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(120),
  CONSOLE_RATE_BURST: z.coerce.number().int().min(1).max(10_000).default(20),
  CONSOLE_STUCK_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  CONSOLE_STUCK_BLOCK_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\w.:/, -]+)$/, 'must be true, false, a number of proxies, or addresses/subnets such as loopback or 10.0.0.0/8')
    .optional(),
  LOG_LEVEL: logLevel.default('info'),
  ALLOWED_HOSTS: hostList.optional(),
  DEPLOYMENT: z.enum(['local', 'public'], { message: 'must be local (the default: source maps and Neo4j details shown) or public' }).default('local'),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(500, 600_000).default(10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(100, 600_000).default(5_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
});

/** The password of the local Neo4j when NEO4J_PASSWORD is not set. Bolt listens on 127.0.0.1 only. */
export const LOCAL_DEFAULT_PASSWORD = 'fingraph-local';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  /** undefined: the server's default database. */
  database: string | undefined;
}

export interface LocalNeo4jSettings {
  boltPort: number;
  home: string;
  heap: string;
  pageCache: string;
}

export interface Config {
  port: number;
  host: string;
  /** Set when the user points Fingraph at a Neo4j of their own; then nothing local is started. */
  externalNeo4j: boolean;
  neo4j: Neo4jConnection;
  local: LocalNeo4jSettings;
  queryTimeoutMs: number;
  /** Queries one server runs at once against Neo4j; the rest wait up to queueTimeoutMs, then 503. */
  maxConcurrent: number;
  queueTimeoutMs: number;
  /** The Cypher console's limits: time per query, rows returned, graph elements returned. */
  console: ConsoleLimits;
  /** Console queries per client: a steady rate per minute (0: no limit) and a burst. */
  consoleRate: { perMinute: number; burst: number };
  /**
   * The console watchdog: a console transaction still running `graceMs` past its time limit ignores
   * termination (the local Neo4j is then restarted); its client gets no console queries for `blockMs`.
   */
  consoleWatchdog: { graceMs: number; blockMs: number };
  /** Express's "trust proxy": whom to believe about the client's address (X-Forwarded-For). */
  trustProxy: boolean | number | string;
  logLevel: z.infer<typeof logLevel>;
  /** The HTTP server's edge: who it answers for, how long it waits for a client, how many at once. */
  http: HttpSettings;
  /**
   * `local`: source maps are served and health shows Neo4j's address and version (for a developer);
   * `public`: neither, and HSTS is sent.
   */
  deployment: Deployment;
}

export type Deployment = 'local' | 'public';

export interface HttpSettings {
  /**
   * The Host names (with an optional port) the server answers for, from ALLOWED_HOSTS; undefined:
   * the listen address and the loopback names on PORT. `*` in the list: any host.
   */
  allowedHosts: string[] | undefined;
  /** Time to receive a whole request (headers and body); past it, 408 and the connection is closed. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; past it, new ones are dropped. */
  maxConnections: number;
}

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxElements: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { timeoutMs: 15_000, maxRows: 1_000, maxElements: 5_000 };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the given environment (process.env by default). Throws ConfigError. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}=${JSON.stringify(present[String(issue.path[0])] ?? '')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}\nFix these variables (see the README's configuration table) and start again.`);
  }
  const env = parsed.data;
  const externalNeo4j = env.NEO4J_URI !== undefined;
  if (externalNeo4j && env.NEO4J_PASSWORD === undefined) {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of NEO4J_USER for that server.');
  }
  return {
    port: env.PORT,
    host: env.HOST,
    externalNeo4j,
    neo4j: {
      uri: env.NEO4J_URI ?? `bolt://127.0.0.1:${env.NEO4J_LOCAL_PORT}`,
      user: externalNeo4j ? env.NEO4J_USER : 'neo4j',
      password: env.NEO4J_PASSWORD ?? LOCAL_DEFAULT_PASSWORD,
      database: env.NEO4J_DATABASE,
    },
    local: {
      boltPort: env.NEO4J_LOCAL_PORT,
      home: path.resolve(env.NEO4J_LOCAL_DIR),
      heap: env.NEO4J_HEAP,
      pageCache: env.NEO4J_PAGECACHE,
    },
    queryTimeoutMs: env.NEO4J_QUERY_TIMEOUT_MS,
    // The local Neo4j shares this machine's cores with the API: a few queries per core at once.
    maxConcurrent: env.NEO4J_MAX_CONCURRENT ?? (externalNeo4j ? 16 : Math.max(4, os.cpus().length * 2)),
    queueTimeoutMs: env.NEO4J_QUEUE_TIMEOUT_MS,
    console: { timeoutMs: env.CONSOLE_TIMEOUT_MS, maxRows: env.CONSOLE_MAX_ROWS, maxElements: env.CONSOLE_MAX_ELEMENTS },
    consoleRate: { perMinute: env.CONSOLE_RATE_LIMIT, burst: env.CONSOLE_RATE_BURST },
    consoleWatchdog: { graceMs: env.CONSOLE_STUCK_GRACE_MS, blockMs: env.CONSOLE_STUCK_BLOCK_MS },
    trustProxy: env.TRUST_PROXY === undefined || env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY === 'true' ? true : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    http: {
      allowedHosts: env.ALLOWED_HOSTS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
    },
    deployment: env.DEPLOYMENT,
  };
}
