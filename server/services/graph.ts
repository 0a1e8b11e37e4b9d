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
export async function getSubgraph(database: Database, ids: string[], focus: string[]): Promise<SubgraphResult> {
  const result = await database.read('graph/subgraph', { ids, focus, cap: integer(SUBGRAPH_MAX_RELATIONSHIPS) });
  const record = result.records[0];
  const nodes = record ? toNodes(record.get('nodes')) : [];
  const found = new Set(nodes.map((node) => node.id));
  return {
    nodes,
    edges: record ? toEdges(record.get('relationships')) : [],
    missing: ids.filter((id) => !found.has(id)),
    truncated: record ? record.get('more') === true : false,
  };
}
