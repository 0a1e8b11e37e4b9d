/**
 * Each request gets an id (the caller's X-Request-Id when it is sane, else a new UUID), sent back in
 * X-Request-Id and in every problem body, and a child logger that writes it on each line; one access
 * line is logged when the answer is sent (or the client goes away).
 */
import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
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

export function requestContext(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const given = request.get('x-request-id');
    request.id = given && SANE_ID.test(given) ? given : randomUUID();
    request.log = logger.child({ requestId: request.id });
    response.setHeader('X-Request-Id', request.id);
    const started = process.hrtime.bigint();
    response.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: request.method, url: request.originalUrl, status: response.statusCode, ms: Math.round(ms * 10) / 10, completed: response.writableFinished };
      if (!response.writableFinished) request.log.info(line, 'client closed the request');
      else if (response.statusCode >= 500) request.log.error(line, 'request failed');
      else request.log.info(line, 'request');
    });
    next();
  };
}
