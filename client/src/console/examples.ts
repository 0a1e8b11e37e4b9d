/**
 * Example queries offered in the console. Those written for the default fintech dataset are offered
 * only when the database has the labels and types they use; the general ones work on any graph.
 */
import type { ConsoleSchema } from '../../../server/contract';

export interface ExampleQuery {
  title: string;
  query: string;
  /** Parameters, as the parameters box shows them (JSON text). */
  params: string;
  needs?: { labels?: string[]; types?: string[] };
}

export const EXAMPLES: ExampleQuery[] = [
  {
    title: 'Who partners with banks?',
    query: `// Companies and banks in a partnership with a bank, and on what
MATCH (partner)-[deal:PARTNERS_WITH]-(bank:Bank)
RETURN partner, deal, bank, deal.areas AS areas`,
    params: '{}',
    needs: { labels: ['Bank'], types: ['PARTNERS_WITH'] },
  },
  {
    title: 'Products of each giant',
    query: `// The products and platforms each company offers, the biggest portfolios first
MATCH (company:Company)-[offers:OFFERS]->(product:Product)
RETURN company, collect(product) AS products, collect(offers) AS offers, count(product) AS count
ORDER BY count DESC, company.name`,
    params: '{}',
    needs: { labels: ['Company', 'Product'], types: ['OFFERS'] },
  },
  {
    title: 'Paths from Xiaomi to ICBC',
    query: `// Every shortest path between two entities, by their ids (path is null when none within 8 hops)
MATCH (from {id: $from}), (to {id: $to})
OPTIONAL MATCH path = allShortestPaths((from)-[*..8]-(to))
RETURN from, to, path, length(path) AS hops`,
    params: '{\n  "from": "xiaomi",\n  "to": "icbc"\n}',
    needs: { labels: ['Company', 'Bank'] },
  },
  {
    title: 'The evidence for each partnership',
    query: `// Each partnership with the quotes that cite it
MATCH (a)-[deal:PARTNERS_WITH]->(b)
RETURN a.name AS partner, b.name AS with, deal.areas AS areas, deal.quotes AS quotes, deal.sourceIds AS sources`,
    params: '{}',
    needs: { types: ['PARTNERS_WITH'] },
  },
  {
    title: 'The most connected nodes',
    query: `// Any graph: the 25 nodes with the most relationships, and the relationships among them
MATCH (n)
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC
LIMIT 25
WITH collect(n) AS nodes
UNWIND nodes AS n
OPTIONAL MATCH (n)-[r]->(m)
WHERE m IN nodes
RETURN n, COUNT { (n)--() } AS degree, collect(r) AS relationships
ORDER BY degree DESC`,
    params: '{}',
  },
  {
    title: 'Relationship types and how many',
    query: `// Any graph: what connects what, and how often
MATCH (a)-[r]->(b)
RETURN labels(a) AS from, type(r) AS type, labels(b) AS to, count(*) AS count
ORDER BY count DESC`,
    params: '{}',
  },
  {
    title: 'Search names (full-text index)',
    query: `// The fintech dataset's full-text index (entity_names): the best hits and what joins them
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
WITH node, score
ORDER BY score DESC
LIMIT 10
WITH collect({node: node, score: score}) AS hits
UNWIND hits AS hit
WITH hit.node AS node, hit.score AS score, [each IN hits | each.node] AS nodes
OPTIONAL MATCH (node)-[r]->(other)
WHERE other IN nodes
RETURN node, score, collect(r) AS relationships
ORDER BY score DESC`,
    params: '{\n  "text": "bank~"\n}',
    // Fingraph creates that index only with the fintech schema (never on a database of yours).
    needs: { labels: ['Company', 'Bank'] },
  },
];

/** The examples that make sense on this database. */
export function examplesFor(schema: Pick<ConsoleSchema, 'labels' | 'relationshipTypes'> | null): ExampleQuery[] {
  if (!schema) return EXAMPLES.filter((example) => !example.needs);
  const labels = new Set(schema.labels);
  const types = new Set(schema.relationshipTypes);
  return EXAMPLES.filter((example) => (example.needs?.labels ?? []).every((label) => labels.has(label)) && (example.needs?.types ?? []).every((type) => types.has(type)));
}
