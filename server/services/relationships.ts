/** One relationship with its nodes and its evidence: the quotes and the articles they come from. */
import type { Evidence, GraphNode, RelationshipDetails } from '../contract';
import { NotFoundError } from '../errors';
import { toEdge, toNode, toNodes, type Database } from '../neo4j';

/** Pairs each quote with the Source node its sourceId names (parallel lists). Pure. */
export function pairEvidence(properties: Record<string, unknown>, sources: GraphNode[]): Evidence[] {
  const sourceIds = Array.isArray(properties.sourceIds) ? properties.sourceIds.map(String) : [];
  const quotes = Array.isArray(properties.quotes) ? properties.quotes.map(String) : [];
  return quotes.map((quote, index) => {
    const id = sourceIds[index] ?? '';
    const node = sources.find((source) => source.properties.id === id) ?? null;
    const text = (key: string): string | null => (node && typeof node.properties[key] === 'string' ? (node.properties[key] as string) : null);
    return { quote, source: { id, name: text('name'), publisher: text('publisher'), timeFrame: text('timeFrame'), url: text('url'), published: text('published'), node } };
  });
}

export async function getRelationship(database: Database, id: string): Promise<RelationshipDetails> {
  const result = await database.read('relationships/relationship', { id });
  const record = result.records[0];
  if (!record) throw new NotFoundError(`There is no relationship with id ${id}. It may have been deleted.`);
  const edge = toEdge(record.get('relationship'));
  return {
    edge,
    source: toNode(record.get('start')),
    target: toNode(record.get('end')),
    evidence: pairEvidence(edge.properties, toNodes(record.get('sources'))),
  };
}
