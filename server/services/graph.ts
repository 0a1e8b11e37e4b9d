/** Reading pieces of the graph for the explorer. */
import type { GraphView } from '../contract';
import { integer, toEdges, toNodes, type Database } from '../neo4j';

/** The most connected nodes of the database and the relationships among them. */
export async function getStartView(database: Database, limit: number): Promise<GraphView> {
  const result = await database.read('graph/start-view', { limit: integer(limit) });
  const record = result.records[0];
  if (!record) return { nodes: [], edges: [] };
  return { nodes: toNodes(record.get('nodes')), edges: toEdges(record.get('relationships')) };
}
