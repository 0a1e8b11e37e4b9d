/**
 * How search ranks what it found, the same for hits from a full-text index and from a scan (pure):
 *
 *   exact (5) > prefix (4) > one edit (3: the whole value, or one of its words, is within one edit of
 *   the text; needs 4 characters) > words (2: every word typed starts a word of the value or is one
 *   edit from one) > contains (1) > found by the index only (0)
 *
 * An edit is an insertion, a deletion, a substitution or a swap of two neighbouring characters (the
 * optimal-string-alignment distance, which is what Lucene's fuzzy terms count). Case is ignored.
 * Ties go to the shorter value, then in alphabetical order. cypher/search/scan.cypher keeps the
 * nodes with a tier of 1 or more, by the same definitions.
 */
import type { GraphNode } from '../contract';

export const TIER = { exact: 5, prefix: 4, edit: 3, words: 2, contains: 1, indexOnly: 0 } as const;

/** The shortest text an edit is allowed on (shorter typos match too much). */
export const FUZZY_MIN_LENGTH = 4;

export function normalize(text: string): string {
  return text.toLowerCase().trim().replace(/\s+/g, ' ');
}

/** Words as the scan query splits them: on spaces. */
export function wordsOf(text: string): string[] {
  return text.split(' ').filter((word) => word !== '');
}

/** Whether a and b are at most one edit apart (insertion, deletion, substitution, adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let first = -1;
    for (let i = 0; i < a.length; i += 1) {
      if (a[i] !== b[i]) {
        if (first === -1) first = i;
        else {
          // A second difference: only a swap of the two neighbours at `first` is one edit.
          return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
        }
      }
    }
    return true;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i += 1;
  return long.slice(i + 1) === short.slice(i);
}

function fuzzyMatch(candidate: string, typed: string): boolean {
  return typed.length >= FUZZY_MIN_LENGTH && withinOneEdit(candidate, typed);
}

/** The tier of one value for the (normalized) text; -1 when it does not match. */
export function matchTier(value: string, text: string): number {
  const v = normalize(value);
  if (text === '') return -1;
  if (v === text) return TIER.exact;
  if (v.startsWith(text)) return TIER.prefix;
  const valueWords = wordsOf(v);
  if (fuzzyMatch(v, text) || valueWords.some((word) => fuzzyMatch(word, text))) return TIER.edit;
  const typed = wordsOf(text);
  if (typed.length > 0 && typed.every((word) => valueWords.some((candidate) => candidate.startsWith(word) || fuzzyMatch(candidate, word)))) return TIER.words;
  if (v.includes(text)) return TIER.contains;
  return -1;
}

/** The values of a node's properties that search looks at (lists give each element). */
export function valuesOf(node: GraphNode, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const value = node.properties[key];
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]).filter((item) => item !== null && typeof item !== 'object').map(String);
  });
}

export interface Ranked {
  /** The value that matched best ('' when none did). */
  matched: string;
  tier: number;
  /** Tier first, then shorter values higher: what hits are sorted by. */
  score: number;
}

/** The best-matching value of a node for the text, with its tier and score. */
export function rankNode(node: GraphNode, keys: readonly string[], text: string): Ranked {
  const needle = normalize(text);
  let best: Ranked = { matched: '', tier: TIER.indexOnly, score: TIER.indexOnly };
  let found = false;
  for (const value of valuesOf(node, keys)) {
    const tier = matchTier(value, needle);
    if (tier < 0) continue;
    const score = tier + 1 / (2 + value.length);
    if (!found || score > best.score || (score === best.score && value.localeCompare(best.matched) < 0)) {
      best = { matched: value, tier, score };
      found = true;
    }
  }
  if (!found) {
    const first = valuesOf(node, keys)[0] ?? '';
    return { matched: first, tier: TIER.indexOnly, score: TIER.indexOnly + 1 / (2 + first.length) };
  }
  return best;
}

/** Hits in rank order: score, then the matched text alphabetically, then the node id. */
export function compareRanked(a: Ranked & { node: GraphNode }, b: Ranked & { node: GraphNode }): number {
  return b.score - a.score || a.matched.localeCompare(b.matched) || a.node.id.localeCompare(b.node.id);
}
