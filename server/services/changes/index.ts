/**
 * The change API: every write to the graph is a change, a list of operations applied in one
 * transaction and recorded in the history (Fingraph's own `_FingraphChange` nodes) with who, when,
 * the comment, and each element's state before and after. A change that breaks a rule writes
 * nothing. History of an element by its stable key, revert (a new change), and keys that resolve
 * (a merged-away key names its survivor).
 */
import type { ChangeRecord, ChangeRequest, ChangeResult, ElementHistory, KeyResolution } from '../../contract';
import { ApiError, ChangeConflictError, NotFoundError } from '../../errors';
import { integer, toEdge, toNode, type Database } from '../../neo4j';
import { loadChangeModel } from './model';
import { ChangeOperations } from './operations';
import { KEY_PATTERN } from './request';
import { revertElements } from './revert';
import { ChangeWriter } from './writer';

export { changeAuthor, parseChangeRequest } from './request';
export { editModel } from './edit-model';
export { loadChangeModel, normaliseForQuote, quoteInText, type ChangeModel } from './model';

/** Thrown inside a dry run's transaction to roll it back, carrying what the change would have done. */
class DryRunFinished extends Error {
  constructor(readonly result: ChangeResult) {
    super('dry run');
  }
}

/** A uniqueness constraint broken at the commit (another change took the key meanwhile): a conflict, not a failure. */
function asConflict(error: unknown): unknown {
  if (error instanceof ApiError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ChangeConflictError('Another change took one of the keys this change gives at the same moment; nothing was written. Send the change again.', []);
  }
  return error;
}

export async function applyChange(database: Database, request: ChangeRequest, author: string): Promise<ChangeResult> {
  const rules = await loadChangeModel(database);
  const dryRun = request.dryRun === true;
  try {
    return await database.writeTransaction(async (run) => {
      const writer = new ChangeWriter(run, rules);
      const operations = new ChangeOperations(writer, dryRun);
      for (const [index, operation] of request.operations.entries()) await operations.apply(operation, `operations[${index}]`);
      const change = await writer.finish({ author, comment: request.comment, revertOf: null });
      const keys = Object.fromEntries([...writer.refs].map(([ref, element]) => [ref, element.key]));
      if (dryRun) throw new DryRunFinished({ dryRun: true, change, keys });
      return { dryRun: false, change, keys };
    });
  } catch (error) {
    if (error instanceof DryRunFinished) return error.result;
    throw asConflict(error);
  }
}

function parseChange(record: { get(key: 'id' | 'author' | 'at' | 'comment'): string; get(key: 'revertOf'): string | null; get(key: 'elements'): string[] }): ChangeRecord {
  return {
    id: record.get('id'),
    author: record.get('author'),
    at: record.get('at'),
    comment: record.get('comment'),
    revertOf: record.get('revertOf'),
    elements: record.get('elements').map((text) => JSON.parse(text) as ChangeRecord['elements'][number]),
  };
}

function requireKey(key: string, what: string): void {
  if (!KEY_PATTERN.test(key) || key.length > 200) {
    throw new NotFoundError(`'${key.slice(0, 100)}' is not a ${what} key (keys are lower-case words joined by dashes, e.g. "tencent").`);
  }
}

export async function getChange(database: Database, id: string): Promise<ChangeRecord> {
  requireKey(id, 'change');
  const record = (await database.read('changes/change', { id })).records[0];
  if (!record) throw new NotFoundError(`There is no change '${id}' in the history.`);
  return parseChange(record);
}

export async function getHistory(database: Database, key: string, limit = 100): Promise<ElementHistory> {
  requireKey(key, 'node or relationship');
  const records = (await database.read('changes/history', { key, limit: integer(limit) })).records;
  return { key, changes: records.map(parseChange) };
}

export async function revertChange(database: Database, id: string, meta: { author: string; comment?: string }): Promise<ChangeResult> {
  const change = await getChange(database, id);
  const rules = await loadChangeModel(database);
  try {
    return await database.writeTransaction(async (run) => {
      const writer = new ChangeWriter(run, rules);
      await revertElements(writer, change);
      const revert = await writer.finish({ author: meta.author, comment: meta.comment ?? `Revert: ${change.comment}`, revertOf: change.id });
      return { dryRun: false, change: revert, keys: {} };
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/** What a stable key names now: a node (through a merge, its survivor) or a relationship. */
export async function resolveKey(database: Database, key: string): Promise<KeyResolution> {
  requireKey(key, 'node or relationship');
  const node = (await database.read('keys/node', { key })).records[0];
  if (node) {
    const found = toNode(node.get('node'));
    return { kind: 'node', key, node: found, mergedInto: node.get('merged') ? String(found.properties.id) : null };
  }
  const relationship = (await database.read('keys/relationship', { key })).records[0];
  if (relationship) return { kind: 'relationship', key, relationship: toEdge(relationship.get('relationship')) };
  throw new NotFoundError(`No node or relationship has the key '${key}' (nor was one merged into another under it).`);
}
