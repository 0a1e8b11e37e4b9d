/** One node with its degrees, and pages of its neighbours. */
import { createHash } from 'node:crypto';
import type { Direction, NeighborPage, NodeDetails } from '../contract';
import { BadRequestError, NotFoundError } from '../errors';
import { allowedIdentifier, integer, toEdges, toNode, toNodes, type Database } from '../neo4j';
import { getSchema, requireLabel, requireTypes } from './schema-info';

export async function getNode(database: Database, id: string): Promise<NodeDetails> {
  const schema = await getSchema(database);
  const types = [...schema.typeSet].sort();
  const degreeTerms = types.flatMap((type) => {
    const quoted = allowedIdentifier(type, schema.typeSet);
    return [`COUNT { (n)-[:${quoted}]->() }`, `COUNT { (n)<-[:${quoted}]-() }`];
  });
  const result = await database.readTemplate('nodes/node', { degrees: `[${degreeTerms.join(', ')}]` }, { id });
  const record = result.records[0];
  if (!record) throw new NotFoundError(`There is no node with id ${id}. It may have been deleted; search again.`);
  const counts = (record.get('degrees') as unknown[]).map(Number);
  const degrees = types.flatMap((type, index) =>
    (['out', 'in'] as const)
      .map((direction, offset) => ({ type, direction, count: counts[index * 2 + offset] ?? 0 }))
      .filter((degree) => degree.count > 0),
  );
  return { node: toNode(record.get('node')), degrees, degree: degrees.reduce((sum, entry) => sum + entry.count, 0) };
}

export interface NeighborQuery {
  type?: string;
  direction: Direction | 'both';
  label?: string;
  limit: number;
  cursor?: string;
}

interface Cursor {
  offset: number;
  filters: string;
}

/** The cursor of the page at `offset` of a node's neighbours under these filters (benchmarks jump with it). */
export function neighborCursor(id: string, query: Omit<NeighborQuery, 'limit' | 'cursor'>, offset: number): string {
  return encodeCursor({ offset, filters: filtersKey(id, { ...query, limit: 0 }) });
}

function filtersKey(id: string, query: NeighborQuery): string {
  return createHash('sha256').update(JSON.stringify([id, query.type ?? null, query.direction, query.label ?? null])).digest('base64url').slice(0, 16);
}

/** Cursors are opaque: the offset of the next page, bound to the node and filters they came from. Pure. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.offset, cursor.filters])).toString('base64url');
}

export function decodeCursor(raw: string, filters: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || !Number.isSafeInteger(parsed[0]) || (parsed[0] as number) < 0 || typeof parsed[1] !== 'string') {
    throw new BadRequestError("Parameter 'cursor' is not a cursor this API gave out; start again without it.");
  }
  if (parsed[1] !== filters) {
    throw new BadRequestError("Parameter 'cursor' belongs to another node or other filters; use it with the same id, type, direction and label, or start again without it.");
  }
  return parsed[0] as number;
}

const PATTERNS = { out: ['-[r', ']->'], in: ['<-[r', ']-'], both: ['-[r', ']-'] } as const;

export async function getNeighbors(database: Database, id: string, query: NeighborQuery): Promise<NeighborPage> {
  let schema = await getSchema(database);
  if (query.type) schema = await requireTypes(database, [query.type]);
  if (query.label) schema = await requireLabel(database, query.label);
  const filters = filtersKey(id, query);
  const offset = query.cursor ? decodeCursor(query.cursor, filters) : 0;
  const [open, close] = PATTERNS[query.direction];
  const typePart = query.type ? `:${allowedIdentifier(query.type, schema.typeSet)}` : '';
  const labelFilter = query.label ? `WHERE m:${allowedIdentifier(query.label, schema.labelSet)}` : '';
  const result = await database.readTemplate(
    'nodes/neighbors',
    { pattern: `${open}${typePart}${close}`, labelFilter },
    { id, skip: integer(offset), limit: integer(query.limit) },
  );
  const record = result.records[0];
  if (!record) throw new NotFoundError(`There is no node with id ${id}. It may have been deleted; search again.`);
  const total = Number(record.get('total'));
  const nodes = toNodes(record.get('neighbours'));
  const edges = toEdges(record.get('relationships'));
  const next = offset + edges.length;
  const unique = [...new Map(nodes.map((node) => [node.id, node])).values()];
  return { node: id, nodes: unique, edges, total, cursor: edges.length === query.limit && next < total ? encodeCursor({ offset: next, filters }) : null };
}
