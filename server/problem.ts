/**
 * The one error middleware: every error becomes RFC 9457 problem+json. ApiErrors carry their status
 * and message; anything else is a 500 whose details stay in the server's log.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Problem } from './contract';
import { MAX_EXTRACT_WORDS } from './contract/extract';
import { ApiError, NotFoundError, QueryError, RequestCancelledError } from './errors';

export const problemMiddleware: ErrorRequestHandler = (error: unknown, request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  // The client is gone (it closed the request): nobody to answer.
  if (error instanceof RequestCancelledError || response.destroyed) {
    response.destroy();
    return;
  }
  let problem: Problem;
  if (error instanceof ApiError) {
    problem = { type: `https://fingraph.dev/problems/${error.type}`, title: error.title, status: error.status, detail: error.message };
    if (error.code) problem.code = error.code;
    Object.assign(problem, error.extensions);
    if (error instanceof QueryError && error.position) problem.position = error.position;
    if (error.status === 503) response.setHeader('Retry-After', '1');
  } else if (isMalformedUrl(error)) {
    problem = {
      type: 'https://fingraph.dev/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: `The URL ${JSON.stringify(request.originalUrl.slice(0, 200))} is not valid percent-encoding (a % must be followed by two hexadecimal digits of UTF-8): encode the path and query with encodeURIComponent.`,
    };
  } else if (isBodyParserError(error)) {
    problem = {
      type: 'https://fingraph.dev/problems/bad-request',
      title: 'Bad Request',
      status: error.status,
      detail: error.status === 413 && request.originalUrl.startsWith('/api/extract') ? `The article is larger than 32 MB: at most ${MAX_EXTRACT_WORDS.toLocaleString('en-US')} words can be extracted at once. Send one article (or split it into parts).` : error.status === 413 ? 'The request body is larger than 1 MB. Send less (a console query may be at most 100,000 characters).' : 'The request body is not valid JSON; check its quotes, commas and brackets.',
    };
  } else {
    request.log.error({ err: error }, 'unexpected error');
    problem = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The server failed to handle the request; the error is in its log.' };
  }
  problem.requestId = request.id;
  if (problem.status >= 500) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message.split('\n')[0] : undefined;
    request.log.warn({ status: problem.status, code: problem.code, detail: problem.detail, cause }, 'answered with an error');
  }
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
};

/** A path that cannot be decoded: Express's router and the static files answer with a URIError or a 400 of theirs. */
function isMalformedUrl(error: unknown): boolean {
  if (error instanceof URIError) return true;
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 400 && !('type' in error) && !(error instanceof ApiError);
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error && typeof (error as { status: unknown }).status === 'number';
}

/** Unknown /api routes answer 404 problem+json rather than the UI's page. */
export const apiNotFound: RequestHandler = (request) => {
  throw new NotFoundError(`There is no API route ${request.method} ${request.originalUrl}. The routes are listed in the README.`);
};
