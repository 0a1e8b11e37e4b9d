/**
 * What one search runs (pure): which full-text indexes to ask, with which Lucene query, and which
 * labels to scan on which properties, within a budget of nodes.
 *
 * A label is searched through an index when an index covers its naming property (or its first search
 * property) on it (or on a
 * label every one of its nodes carries, as far as a sample shows); the index is then its search, as
 * the database's owner set it up. A label no index covers is scanned on its search properties. The
 * scans share SCAN_BUDGET nodes, smallest labels first; a label with more nodes than its share is
 * scanned in part, and the result says so.
 */
import type { SearchIndexInfo } from '../contract';
import { FUZZY_MIN_LENGTH } from './search-rank';

/**
 * Nodes the scans of one search read at most, in all: about 5 µs a node with two properties on the
 * bench machine (2 shared cores), so a search without an index stays near 150 ms (README, bench).
 */
export const SCAN_BUDGET = 25_000;

export interface PlanLabel {
  name: string;
  count: number;
  nameProperty: string | null;
  searchProperties: string[];
  companions: string[];
}

export interface IndexStep {
  index: string;
  /** Keep only nodes with one of these labels; null for all. */
  labels: string[] | null;
  properties: string[];
}

export interface ScanStep {
  label: string;
  keys: string[];
  /** Nodes of the label to read at most. */
  examine: number;
  /** True when the label has more nodes than `examine`. */
  cut: boolean;
  count: number;
}

export interface SearchPlan {
  indexes: IndexStep[];
  scans: ScanStep[];
}

/** Whether the index covers the label's naming property (or, for a label without one, its first search property). */
function covers(index: SearchIndexInfo, label: PlanLabel): boolean {
  const primary = label.nameProperty ?? label.searchProperties[0];
  if (!primary || !index.properties.includes(primary)) return false;
  return index.labels.includes(label.name) || label.companions.some((companion) => index.labels.includes(companion));
}

/** `label`: the label chosen (labels then holds it alone), or null for all. */
export function planSearch(labels: readonly PlanLabel[], indexes: readonly SearchIndexInfo[], label: string | null, budget = SCAN_BUDGET): SearchPlan {
  const targets = labels.filter((info) => info.searchProperties.length > 0 && (label === null ? info.count > 0 : info.name === label));
  const used = new Map<string, IndexStep>();
  const toScan: PlanLabel[] = [];
  for (const target of targets) {
    const covering = indexes.filter((index) => covers(index, target));
    if (covering.length === 0) {
      toScan.push(target);
      continue;
    }
    for (const index of covering) {
      if (!used.has(index.name)) used.set(index.name, { index: index.name, labels: label === null ? null : [label], properties: index.properties });
    }
  }
  const scans: ScanStep[] = [];
  let remaining = budget;
  const bySize = [...toScan].sort((a, b) => a.count - b.count || a.name.localeCompare(b.name));
  bySize.forEach((target, position) => {
    const share = Math.floor(remaining / (bySize.length - position));
    const examine = Math.max(1, Math.min(target.count, share));
    remaining -= examine;
    scans.push({ label: target.name, keys: target.searchProperties, examine: Math.max(examine, share), cut: target.count > examine, count: target.count });
  });
  return { indexes: [...used.values()], scans };
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const escape = (text: string): string => text.replace(LUCENE_SPECIAL, (char) => `\\${char}`);

/**
 * The user's words as a Lucene query: each word exact (boosted), as a prefix, and fuzzy (4
 * characters or more). A word that is not a plain word (an IP address, a code such as SKU-00042,
 * O'Brien) is also asked as a phrase, which the index's analyzer splits as it split the values, and
 * as its parts with the last one a prefix (for a code still being typed). Pure.
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.replace(LUCENE_SPECIAL, '').length > 0)
    .slice(0, 10);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const escaped = escape(word);
      const parts = word.split(/[^\p{L}\p{N}]+/u).filter((part) => part !== '');
      if (parts.length === 1 && parts[0] === word) {
        const fuzzy = word.length >= FUZZY_MIN_LENGTH ? ` OR ${escaped}~1` : '';
        return `(${escaped}^4 OR ${escaped}*^2${fuzzy})`;
      }
      const phrase = `"${word.replace(/["\\]/g, (char) => `\\${char}`)}"^4`;
      const pieces = parts.length > 0 ? ` OR (${parts.map((part, index) => (index === parts.length - 1 ? `${escape(part)}*` : escape(part))).join(' AND ')})` : '';
      return `(${phrase} OR ${escaped}*^2${pieces})`;
    })
    .join(' AND ');
}

/**
 * Substrings a value must contain to possibly match the text (the scan's cheap first test), as
 * `text`: groups of which the value contains every part of one (the text within one edit of the
 * value or a word of it: one of its halves survives the edit, or for a swap across the middle both
 * ends around it; or contains it), or `words`: for every typed word, such groups (the every-word
 * rule). Pure.
 */
export function scanGroups(text: string): { text: string[][]; words: string[][][] } {
  const forText = (s: string): string[][] => {
    if (s.length < FUZZY_MIN_LENGTH) return [[s]];
    const h = Math.floor(s.length / 2);
    return [[s.slice(0, h)], [s.slice(h)], [s.slice(0, h - 1), s.slice(h + 1)].filter((part) => part !== '')].filter((group) => group.length > 0);
  };
  const words = [...new Set(text.split(' ').filter((word) => word !== ''))];
  return { text: forText(text), words: words.map(forText) };
}
