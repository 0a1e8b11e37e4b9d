/** POST /api/extract: candidate entities and relationships for an article; writes nothing. */
import express, { Router } from 'express';
import { BadRequestError } from '../errors';
import type { ExtractRequest } from '../contract/extract';
import type { Database } from '../neo4j';
import { extractArticle } from '../services/article-extraction';

/** Its own body limit: an article may be larger than the API's 1 MB; the word limit then says how large. */
export const EXTRACT_BODY_LIMIT = '32mb';

export function extractRoutes(database: Database): Router {
  const router = Router();
  router.post('/extract', express.json({ limit: EXTRACT_BODY_LIMIT }), async (request, response) => {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestError('The body must be a JSON object: {"text": "…", "source": {"title", "publisher", "url", "published": "YYYY-MM-DD"}}.');
    const unknown = Object.keys(body).filter((key) => !['text', 'html', 'format', 'source'].includes(key));
    if (unknown.length > 0) throw new BadRequestError(`Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}: send text (or html), format and source.`);
    response.json(await extractArticle(database, body as ExtractRequest));
  });
  return router;
}
