/**
 * Ranked, typo-tolerant search, on any database: through the full-text indexes the database has
 * (discovered, with the labels and properties each covers), and by scanning the search properties of
 * the labels no index covers, bounded (search-plan.ts). Both kinds of hit are ranked by one rule
 * (search-rank.ts).
 */
import type { GraphNode, SearchResult } from '../contract';
import { allowedIdentifier, integer, toNode, type Database } from '../neo4j';
import { getSchema, requireLabel, type DiscoveredSchema } from './schema-info';
import { luceneQuery, planSearch, SCAN_BUDGET, scanGroups, type SearchPlan } from './search-plan';
import { compareRanked, FUZZY_MIN_LENGTH, normalize, rankNode, wordsOf, type Ranked } from './search-rank';

export { luceneQuery } from './search-plan';

/** The value of the node's searchable properties that best matches the text. Pure. */
export function matchedText(node: GraphNode, keys: string[], text: string): string {
  return rankNode(node, keys, text).matched;
}

export interface SearchOptions {
  label?: string;
  limit: number;
  /** Nodes the scans may read in all (tests make it small to see a partial result). */
  scanBudget?: number;
}

/** The scan's cheap first test (search-plan.ts), as its parameters. */
function groupParameters(needle: string): { textGroups: string[][]; wordGroups: string[][][] } {
  const groups = scanGroups(needle);
  return { textGroups: groups.text, wordGroups: groups.words };
}

function partialNote(plan: SearchPlan): string | undefined {
  const cut = plan.scans.filter((scan) => scan.cut);
  if (cut.length === 0) return undefined;
  const what = cut.map((scan) => `${scan.examine.toLocaleString('en-US')} of the ${scan.count.toLocaleString('en-US')} ${scan.label} nodes`).join(', ');
  return `No full-text index covers these labels, so search read only ${what}: results may be missing. Add a full-text index over their names with \`npm run search-index\` (it shows the statement and asks first).`;
}

export async function search(database: Database, text: string, options: SearchOptions): Promise<SearchResult> {
  const schema: DiscoveredSchema = options.label ? await requireLabel(database, options.label) : await getSchema(database);
  const needle = normalize(text);
  const empty: SearchResult = { query: text, hits: [], method: 'scan', indexes: [], partial: false };
  if (needle === '') return empty;
  const plan = planSearch(schema.labels, schema.fulltext, options.label ?? null, options.scanBudget ?? SCAN_BUDGET);
  const query = luceneQuery(text);
  const indexSteps = query ? plan.indexes.map((step) => ({ ...step, query })) : [];
  const keysOf = new Map(schema.labels.map((label) => [label.name, label.searchProperties]));
  const candidates = Math.max(50, options.limit * 5);

  const fromIndexes = indexSteps.map(async (step) => {
    const result = await database.read('search/fulltext', { index: step.index, query: step.query, labels: step.labels, limit: integer(candidates) });
    return result.records.map((record) => ({ node: toNode(record.get('node')), keys: step.properties }));
  });
  const fromScans = plan.scans.map(async (step) => {
    const result = await database.readTemplate(
      'search/scan',
      { label: allowedIdentifier(step.label, schema.labelSet) },
      { keys: step.keys, text: needle, words: wordsOf(needle), ...groupParameters(needle), fuzzyMin: integer(FUZZY_MIN_LENGTH), examine: integer(step.examine), candidates: integer(candidates) },
    );
    return result.records.map((record) => ({ node: toNode(record.get('node')), keys: step.keys }));
  });
  const found = (await Promise.all([...fromIndexes, ...fromScans])).flat();

  // One hit per node, ranked on every property search looks in for its labels.
  const best = new Map<string, Ranked & { node: GraphNode }>();
  for (const { node, keys } of found) {
    const allKeys = [...new Set([...keys, ...node.labels.flatMap((label) => keysOf.get(label) ?? [])])];
    const ranked = { ...rankNode(node, allKeys, needle), node };
    const previous = best.get(node.id);
    if (!previous || compareRanked(ranked, previous) < 0) best.set(node.id, ranked);
  }
  const hits = [...best.values()]
    .sort(compareRanked)
    .slice(0, options.limit)
    .map(({ node, matched, score }) => ({ node, matched, score }));
  const method = indexSteps.length > 0 && plan.scans.length > 0 ? 'mixed' : indexSteps.length > 0 ? 'fulltext' : 'scan';
  const note = partialNote(plan);
  return { query: text, hits, method, indexes: indexSteps.map((step) => step.index), partial: note !== undefined, ...(note ? { note } : {}) };
}
