/** POST /api/query: the Cypher console's read-only queries; GET /api/query/schema: what its editor completes. */
import { Router } from 'express';
import type { ConsoleLimits } from '../config';
import { BadRequestError, QueryTimeoutError, RequestCancelledError } from '../errors';
import type { Database } from '../neo4j';
import { getConsoleSchema, runConsoleQuery } from '../services/console';
import { ConsoleClientBlockedError, type ConsoleWatchdog } from '../services/console-watchdog';

export const MAX_QUERY_LENGTH = 100_000;

export function consoleRoutes(database: Database, limits: ConsoleLimits, watchdog?: ConsoleWatchdog): Router {
  const router = Router();
  router.post('/query', async (request, response) => {
    const client = request.ip ?? 'unknown';
    try {
      watchdog?.admit(client);
    } catch (error) {
      if (error instanceof ConsoleClientBlockedError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { query, params } = body;
    if (typeof query !== 'string') throw new BadRequestError('The body needs \'query\': the Cypher text, as JSON ({"query": "MATCH (n) RETURN n LIMIT 5"}).');
    if (query.length > MAX_QUERY_LENGTH) throw new BadRequestError(`The query is ${query.length.toLocaleString('en-US')} characters long; at most ${MAX_QUERY_LENGTH.toLocaleString('en-US')} are allowed.`);
    // eslint-disable-next-line no-control-regex
    if (/\u0000/.test(query)) throw new BadRequestError('The query contains a NUL character; remove it.');
    if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
      throw new BadRequestError('\'params\' must be a JSON object of parameter names and values, such as {"name": "Tencent"}.');
    }
    // The client going away (a closed tab, the console's Cancel) stops the query's transaction.
    const gone = new AbortController();
    const onClose = (): void => {
      if (!response.writableFinished) gone.abort();
    };
    response.on('close', onClose);
    try {
      response.json(await runConsoleQuery(database, query, (params ?? {}) as Record<string, unknown>, limits, { request: request.id, client, signal: gone.signal }));
    } catch (error) {
      // Given up on while it may still run in Neo4j: the watchdog looks for it after the time limit.
      if (error instanceof QueryTimeoutError || error instanceof RequestCancelledError) watchdog?.givenUp(request.id, client);
      throw error;
    } finally {
      response.off('close', onClose);
    }
  });
  router.get('/query/schema', async (_request, response) => {
    response.json(await getConsoleSchema(database));
  });
  return router;
}
