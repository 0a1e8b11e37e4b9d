/**
 * Starts an HTTP server with limits fit for an API: a whole request (headers and body) must arrive
 * within `requestTimeoutMs` (else 408 and the connection is closed: a slow or stalled client cannot
 * hold it), idle keep-alive connections close after `keepAliveTimeoutMs`, and at most
 * `maxConnections` are open at once (new ones past it are dropped). Node checks the request timeouts
 * every `connectionsCheckingInterval`, which is set to a fraction of the timeout so that it holds.
 */
import http, { type RequestListener, type Server } from 'node:http';
import type { HttpSettings } from '../config';
import { ConfigError } from '../config';

export type ServerLimits = Pick<HttpSettings, 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnections'>;

export const DEFAULT_SERVER_LIMITS: ServerLimits = { requestTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

/** A server with the limits, not listening yet. */
export function createServer(handler: RequestListener, limits: ServerLimits = DEFAULT_SERVER_LIMITS): Server {
  const server = http.createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(limits.requestTimeoutMs / 4))),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}

/** Listens on host:port; a port in use is a ConfigError that says how to choose another. */
export function listen(handler: RequestListener, port: number, host: string, limits: ServerLimits = DEFAULT_SERVER_LIMITS): Promise<Server> {
  const server = createServer(handler, limits);
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new ConfigError(`Port ${port} on ${host} is already in use. Stop the program using it, or start Fingraph on another port: PORT=3001 npm start`));
      } else {
        reject(error);
      }
    });
    server.listen(port, host);
  });
}
