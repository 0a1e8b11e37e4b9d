/**
 * Each request gets an id (the caller's X-Request-Id when it is sane, else a new UUID), sent back in
 * X-Request-Id and in every problem body, and a child logger that writes it on each line; pino-http
 * logs one access line when the answer is sent (or the client goes away): method, url, status, ms.
 */
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger';

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's id (X-Request-Id). */
    id: string;
    /** A logger that writes the request id on each line. */
    log: Logger;
  }
}

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is sane (letters, digits, `._:-`, at most 128), else a new UUID. Pure but for the UUID. */
export function requestIdFor(given: string | string[] | undefined): string {
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

type Request = IncomingMessage & { originalUrl?: string };

function accessLine(request: Request, response: ServerResponse, ms: unknown): Record<string, unknown> {
  return { method: request.method, url: request.originalUrl ?? request.url, status: response.statusCode, ms, completed: response.writableFinished };
}

export function requestContext(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (request, response) => {
      const id = requestIdFor(request.headers['x-request-id']);
      response.setHeader('X-Request-Id', id);
      return id;
    },
    // req.log and the access line carry the id only, not the whole request and response.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    customSuccessObject: (request, response, line) => accessLine(request, response, line.ms),
    customErrorObject: (request, response, _error, line) => accessLine(request, response, line.ms),
    customSuccessMessage: (_request, response) => (response.writableFinished ? 'request' : 'client closed the request'),
    customErrorMessage: (_request, response) => (response.writableFinished ? 'request failed' : 'client closed the request'),
    customLogLevel: (_request, response, error) => (response.writableFinished && (error || response.statusCode >= 500) ? 'error' : 'info'),
  }) as unknown as RequestHandler;
}
