/**
 * The styling rules kept in this browser, one set per database. A database is known by the
 * database part of its elementIds ("4:<database id>:"), which every node on the canvas carries:
 * it tells two databases apart on one server, and needs nothing that a public deployment leaves
 * out of /api/health.
 */
import type { ViewState } from '../state';
import { decodeRules, encodeRules, isDefaultRules, type StyleRules } from './rules';

const PREFIX = 'fingraph.styling:';

/** The database of the nodes on the canvas, or null while it is empty. */
export function databaseKey(state: ViewState): string | null {
  for (const id of Object.keys(state.nodes)) {
    const cut = id.lastIndexOf(':');
    return cut > 0 ? id.slice(0, cut) : '';
  }
  return null;
}

export function readRules(database: string): StyleRules | null {
  try {
    const text = localStorage.getItem(PREFIX + database);
    return text === null ? null : decodeRules(JSON.parse(text)).rules;
  } catch {
    // Storage off (private windows) or a value this version cannot read: the default then.
    return null;
  }
}

export function writeRules(database: string, rules: StyleRules): void {
  try {
    if (isDefaultRules(rules)) localStorage.removeItem(PREFIX + database);
    else localStorage.setItem(PREFIX + database, JSON.stringify(encodeRules(rules)));
  } catch {
    // Storage may be off: the rules then last for this page only.
  }
}
