/**
 * Ranked, typo-tolerant search over names and aliases: through the full-text index where the
 * database has one, else by scanning the naming properties (the fallback for foreign databases).
 */
import type { GraphNode, SearchHit, SearchResult } from '../contract';
import { integer, toNode, type Database } from '../neo4j';
import { getSchema, requireLabel } from './schema-info';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The user's words as a Lucene query: each word exact (boosted), as a prefix, and fuzzy. Pure. */
export function luceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (char) => `\\${char}`))
    .filter((word) => word.replace(/\\/g, '').length > 0)
    .slice(0, 10);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const bare = word.replace(/\\/g, '');
      const fuzzy = bare.length >= 4 ? ` OR ${word}~1` : '';
      return `(${word}^4 OR ${word}*^2${fuzzy})`;
    })
    .join(' AND ');
}

/** The value of the node's searchable properties that best matches the text. Pure. */
export function matchedText(node: GraphNode, keys: string[], text: string): string {
  const needle = text.toLowerCase();
  const candidates = keys.flatMap((key) => {
    const value = node.properties[key];
    return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
  });
  const rank = (candidate: string): number => {
    const lower = candidate.toLowerCase();
    if (lower === needle) return 0;
    if (lower.startsWith(needle)) return 1;
    if (lower.includes(needle)) return 2;
    return 3;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0] ?? '';
}

export async function search(database: Database, text: string, options: { label?: string; limit: number }): Promise<SearchResult> {
  const schema = options.label ? await requireLabel(database, options.label) : await getSchema(database);
  const label = options.label ?? null;
  const query = luceneQuery(text);
  // The full-text index answers a search over all labels, or over a label it covers; a label it
  // does not cover is searched by scanning (a node can have several labels, so the index's labels
  // do not tell which others it reaches).
  const index = schema.fulltext;
  if (index && query && (label === null || index.labels.includes(label))) {
    const result = await database.read('search/fulltext', { index: index.name, query, label, limit: integer(options.limit) });
    const hits: SearchHit[] = result.records.map((record) => {
      const node = toNode(record.get('node'));
      return { node, matched: matchedText(node, index.properties, text), score: Number(record.get('score')) };
    });
    return { query: text, hits, method: 'fulltext' };
  }
  const keys = [...new Set(schema.labels.map((info) => info.nameProperty).filter((key): key is string => key !== null))];
  if (keys.length === 0) return { query: text, hits: [], method: 'scan' };
  const needle = text.toLowerCase().trim();
  const result = await database.read('search/scan', { keys, text: needle, label, candidates: integer(Math.max(200, options.limit * 4)) });
  const scored = result.records.map((record) => {
    const node = toNode(record.get('node'));
    const matched = matchedText(node, keys, needle);
    const lower = matched.toLowerCase();
    const score = lower === needle ? 3 : lower.startsWith(needle) ? 2 : 1;
    return { node, matched, score: score + 1 / (1 + matched.length) };
  });
  scored.sort((a, b) => b.score - a.score || a.matched.localeCompare(b.matched));
  return { query: text, hits: scored.slice(0, options.limit), method: 'scan' };
}
