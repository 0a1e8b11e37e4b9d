/** Reading pieces of the graph for the explorer. */
import type { GraphView, SubgraphResult } from '../contract';
import { integer, toEdges, toNodes, type Database } from '../neo4j';

/** The most connected nodes of the database and the relationships among them. */
export async function getStartView(database: Database, limit: number): Promise<GraphView> {
  const result = await database.read('graph/start-view', { limit: integer(limit) });
  const record = result.records[0];
  if (!record) return { nodes: [], edges: [] };
  return { nodes: toNodes(record.get('nodes')), edges: toEdges(record.get('relationships')) };
}

export const SUBGRAPH_MAX_IDS = 5_000;
export const SUBGRAPH_MAX_RELATIONSHIPS = 20_000;

/**
 * The nodes of `ids` that exist, and the relationships between a node of `focus` and any node of
 * `ids` (to reopen a shared view, or to join new nodes to those already on the canvas).
 */
export async function getSubgraph(database: Database, ids: string[], focus: string[], keys: Record<string, string> = {}): Promise<SubgraphResult> {
  const renamed = await renamedByKeys(database, keys);
  const current = (id: string): string => renamed[id] ?? id;
  const result = await database.read('graph/subgraph', { ids: [...new Set(ids.map(current))], focus: [...new Set(focus.map(current))], cap: integer(SUBGRAPH_MAX_RELATIONSHIPS) });
  const record = result.records[0];
  const nodes = record ? toNodes(record.get('nodes')) : [];
  const found = new Set(nodes.map((node) => node.id));
  return {
    nodes,
    edges: record ? toEdges(record.get('relationships')) : [],
    missing: ids.filter((id) => !found.has(current(id))),
    truncated: record ? record.get('more') === true : false,
    renamed,
  };
}

/**
 * The ids whose stable key names another node now (old id → its id now). Nodes that still carry
 * their key are found by elementId first; only the rest (after a reseed, a merge, a deletion) are
 * searched for by key, which reads every node.
 */
async function renamedByKeys(database: Database, keys: Record<string, string>): Promise<Record<string, string>> {
  if (Object.keys(keys).length === 0) return {};
  const pairs = Object.entries(keys).map(([id, key]) => ({ id, key }));
  const unchanged = new Set((await database.read('keys/unchanged', { pairs })).records.map((record) => record.get('id')));
  const moved = pairs.filter((pair) => !unchanged.has(pair.id));
  const wanted = [...new Set(moved.map((pair) => pair.key))];
  if (wanted.length === 0) return {};
  const named = new Map((await database.read('keys/nodes', { keys: wanted })).records.map((record) => [record.get('key'), record.get('id')]));
  const renamed: Record<string, string> = {};
  for (const { id, key } of moved) {
    const now = named.get(key);
    if (now !== undefined && now !== id) renamed[id] = now;
  }
  return renamed;
}
