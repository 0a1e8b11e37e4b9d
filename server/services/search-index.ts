/**
 * The full-text index `npm run search-index` offers a database: over the search properties of the
 * labels that no full-text index covers yet (search-plan.ts), so that search on them uses an index
 * instead of a bounded scan. Built from the discovered schema (labels and keys quoted, from the
 * database's own names); run only when the user says so.
 */
import { allowedIdentifier } from '../neo4j';
import type { DiscoveredSchema } from './schema-info';
import { planSearch } from './search-plan';

export const SEARCH_INDEX_NAME = 'fingraph_search';

export interface SearchIndexProposal {
  name: string;
  labels: string[];
  properties: string[];
  statement: string;
}

/** The statement to create the index, or null when every searchable label is covered already. Pure. */
export function proposeSearchIndex(schema: Pick<DiscoveredSchema, 'labels' | 'fulltext' | 'labelSet'>): SearchIndexProposal | null {
  const uncovered = planSearch(schema.labels, schema.fulltext, null, Number.MAX_SAFE_INTEGER).scans;
  if (uncovered.length === 0) return null;
  const labels = uncovered.map((scan) => scan.label).sort();
  const properties = [...new Set(uncovered.flatMap((scan) => scan.keys))].sort();
  const keySet = new Set(properties);
  const statement =
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX_NAME} IF NOT EXISTS\n` +
    `FOR (n:${labels.map((label) => allowedIdentifier(label, schema.labelSet)).join('|')})\n` +
    `ON EACH [${properties.map((key) => `n.${allowedIdentifier(key, keySet)}`).join(', ')}]`;
  return { name: SEARCH_INDEX_NAME, labels, properties, statement };
}
