/** One node with its degrees, and pages of its neighbours. */
import { createHash } from 'node:crypto';
import type { Direction, GraphEdge, GraphNode, NeighborPage, NodeDetails } from '../contract';
import { BadRequestError, NotFoundError } from '../errors';
import { allowedIdentifier, cypher, integer, joinFragments, toEdges, toNode, toNodes, type CypherFragment, type Database } from '../neo4j';
import { getSchema, requireLabel, requireTypes, type DiscoveredSchema } from './schema-info';

/** A relationship group of a node: one type in one direction. */
export interface GroupShape {
  type: string;
  direction: Direction;
}

/** The groups of these types, in paging order: types by name, outgoing first. Pure. */
export function groupShapes(types: Iterable<string>, direction: Direction | 'both'): GroupShape[] {
  const directions: Direction[] = direction === 'both' ? ['out', 'in'] : [direction];
  return [...types].sort().flatMap((type) => directions.map((each) => ({ type, direction: each })));
}

/**
 * A Cypher list of the node `n`'s degree for each group, in order: COUNT { } lookups that Neo4j
 * answers from its degree store. Types must be in `allowed` (the database's own). Pure.
 */
export function degreeLookups(groups: GroupShape[], allowed: ReadonlySet<string>): CypherFragment {
  const terms = groups.map(({ type, direction }) => {
    const quoted = allowedIdentifier(type, allowed);
    return direction === 'out' ? cypher`COUNT { (n)-[:${quoted}]->() }` : cypher`COUNT { (n)<-[:${quoted}]-() }`;
  });
  return cypher`[${joinFragments(terms, ', ')}]`;
}

export async function getNode(database: Database, id: string): Promise<NodeDetails> {
  const schema = await getSchema(database);
  const groups = groupShapes(schema.typeSet, 'both');
  const result = await database.readTemplate('nodes/node', { degrees: degreeLookups(groups, schema.typeSet) }, { id });
  const record = result.records[0];
  if (!record) throw new NotFoundError(`There is no node with id ${id}. It may have been deleted; search again.`);
  const counts = record.get('degrees').map(Number);
  const degrees = groups.map((group, index) => ({ ...group, count: counts[index] ?? 0 })).filter((degree) => degree.count > 0);
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

const PATTERNS: Record<Direction | 'both', [CypherFragment, CypherFragment]> = { out: [cypher`-[r`, cypher`]->`], in: [cypher`<-[r`, cypher`]-`], both: [cypher`-[r`, cypher`]-`] };

interface Group extends GroupShape {
  size: number;
}

/**
 * Where the page at `offset` starts: the groups to read, each with the offset inside it and how
 * many to take, until `limit` are taken or the groups end. Pure.
 */
export function planPage(groups: Group[], offset: number, limit: number): Array<{ group: Group; skip: number; take: number }> {
  const plan = [];
  let position = 0;
  let wanted = limit;
  for (const group of groups) {
    if (wanted === 0) break;
    const end = position + group.size;
    if (offset < end && group.size > 0) {
      const skip = Math.max(0, offset - position);
      const take = Math.min(wanted, group.size - skip);
      plan.push({ group, skip, take });
      wanted -= take;
    }
    position = end;
  }
  return plan;
}

/**
 * Nodes with at most this many matching relationships are paged in one query that walks them in
 * store order; denser nodes are paged by relationship group, so that no page walks more than this
 * (plus the offset inside one group). The mode depends only on the node's degree, so all pages of a
 * node follow one order.
 */
export const WALK_LIMIT = 5_000;

export async function getNeighbors(database: Database, id: string, query: NeighborQuery): Promise<NeighborPage> {
  let schema = await getSchema(database);
  if (query.type) schema = await requireTypes(database, [query.type]);
  if (query.label) schema = await requireLabel(database, query.label);
  const filters = filtersKey(id, query);
  const offset = query.cursor ? decodeCursor(query.cursor, filters) : 0;
  const groups = query.label ? [] : groupShapes(query.type ? [query.type] : schema.typeSet, query.direction).map((shape) => ({ ...shape, size: 0 }));
  const walked = await pageByWalking(database, schema, id, query, offset, groups);
  const page = walked.total > WALK_LIMIT && !query.label ? await pageByGroups(database, schema, id, query, offset, walked.groups) : walked;
  const next = offset + page.edges.length;
  const nodes = [...new Map(page.nodes.map((node) => [node.id, node])).values()];
  return { node: id, nodes, edges: page.edges, total: page.total, cursor: page.edges.length === query.limit && next < page.total ? encodeCursor({ offset: next, filters }) : null };
}

type Page = { total: number; nodes: GraphNode[]; edges: GraphEdge[]; groups: Group[] };

/**
 * Dense nodes, without a label filter: a page is read group by group; each group's size is the
 * node's degree for it (from the degree store, read with the total), so a deep page skips whole
 * groups and walks only inside its own. In direction 'both' a relationship from the node to
 * itself is listed in its outgoing and its incoming group.
 */
async function pageByGroups(database: Database, schema: DiscoveredSchema, id: string, query: NeighborQuery, offset: number, groups: Group[]): Promise<Page> {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const { group, skip, take } of planPage(groups, offset, query.limit)) {
    const [open, close] = PATTERNS[group.direction];
    const result = await database.readTemplate(
      'nodes/neighbors-group',
      { pattern: cypher`${open}:${allowedIdentifier(group.type, schema.typeSet)}${close}` },
      { id, skip: integer(skip), limit: integer(take) },
    );
    const slice = result.records[0];
    nodes.push(...toNodes(slice?.get('neighbours')));
    edges.push(...toEdges(slice?.get('relationships')));
  }
  return { total: groups.reduce((sum, group) => sum + group.size, 0), nodes, edges, groups };
}

/**
 * One query: the total, and the page in store order when the node is not dense (always with a
 * label filter, where group sizes are unknown without looking at the neighbours).
 */
async function pageByWalking(database: Database, schema: DiscoveredSchema, id: string, query: NeighborQuery, offset: number, groups: Group[]): Promise<Page> {
  const [open, close] = PATTERNS[query.direction];
  const typePart = query.type ? cypher`:${allowedIdentifier(query.type, schema.typeSet)}` : cypher``;
  const labelFilter = query.label ? cypher`WHERE m:${allowedIdentifier(query.label, schema.labelSet)}` : cypher``;
  const result = await database.readTemplate(
    'nodes/neighbors',
    { pattern: cypher`${open}${typePart}${close}`, labelFilter, groupSizes: degreeLookups(groups, schema.typeSet) },
    { id, skip: integer(offset), limit: integer(query.limit), walkLimit: query.label ? null : integer(WALK_LIMIT) },
  );
  const record = result.records[0];
  if (!record) throw new NotFoundError(`There is no node with id ${id}. It may have been deleted; search again.`);
  const sizes = record.get('groupSizes').map(Number);
  return {
    total: Number(record.get('total')),
    nodes: toNodes(record.get('neighbours')),
    edges: toEdges(record.get('relationships')),
    groups: groups.map((group, index) => ({ ...group, size: sizes[index] ?? 0 })),
  };
}
