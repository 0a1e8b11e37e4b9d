/**
 * The change API: POST /api/changes (one change: operations in one transaction), its history and
 * revert, and what a stable key names. Writes pass the local-use guard (http/write-access.ts).
 */
import { Router, type RequestHandler } from 'express';
import type { ChangeRequest } from '../contract';
import { ChangeRefusedError } from '../errors';
import type { Database } from '../neo4j';
import { applyChange, changeAuthor, editModel, getChange, getHistory, parseChangeRequest, resolveKey, revertChange } from '../services/changes';
import { textParameter } from './params';

/** A path parameter as the one text it is. */
function pathText(raw: unknown): string {
  return typeof raw === 'string' ? raw : '';
}

export function changeRoutes(database: Database, writeGuard: RequestHandler): Router {
  const router = Router();

  router.post('/changes', writeGuard, async (request, response) => {
    const change: ChangeRequest = parseChangeRequest(request.body);
    response.json(await applyChange(database, change, changeAuthor(change.author, request.headers['x-fingraph-author'])));
  });

  // What the explorer's edit forms offer (before /changes/:id, which would take "model" for an id).
  router.get('/changes/model', async (_request, response) => {
    response.json(await editModel(database));
  });

  router.get('/changes/:id', async (request, response) => {
    response.json(await getChange(database, pathText(request.params.id)));
  });

  router.post('/changes/:id/revert', writeGuard, async (request, response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(body).filter((key) => key !== 'comment' && key !== 'author');
    if (unknown.length > 0) throw new ChangeRefusedError('request.shape', `A revert takes only 'comment' and 'author'; remove ${unknown.map((key) => `'${key}'`).join(', ')}.`);
    const comment = textParameter(body.comment, 'comment', 2000);
    const author = changeAuthor(textParameter(body.author, 'author', 100), request.headers['x-fingraph-author']);
    response.json(await revertChange(database, pathText(request.params.id), { author, comment }));
  });

  router.get('/keys/:key', async (request, response) => {
    response.json(await resolveKey(database, pathText(request.params.key)));
  });

  router.get('/keys/:key/history', async (request, response) => {
    response.json(await getHistory(database, pathText(request.params.key)));
  });

  return router;
}
