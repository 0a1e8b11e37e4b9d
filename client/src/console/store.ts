/**
 * The console's memory in this browser: the last queries run (newest first) and the queries saved
 * under a name, each with its parameters, kept in localStorage. Storage may be missing or full
 * (private windows, quotas); the console then remembers for this page only.
 */
export interface StoredQuery {
  query: string;
  /** The parameters box as typed (JSON text). */
  params: string;
}

export interface HistoryEntry extends StoredQuery {
  /** When it was run (ms since the epoch). */
  at: number;
}

export interface SavedQuery extends StoredQuery {
  name: string;
}

export const HISTORY_LIMIT = 50;
const HISTORY_KEY = 'fingraph.console.history';
const SAVED_KEY = 'fingraph.console.saved';

/** The same query run again moves to the top instead of being listed twice. */
export function addToHistory(history: HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  const rest = history.filter((each) => each.query.trim() !== entry.query.trim() || each.params.trim() !== entry.params.trim());
  return [entry, ...rest].slice(0, limit);
}

/** Saving under a name that exists replaces that query; the list stays sorted by name. */
export function addToSaved(saved: SavedQuery[], query: SavedQuery): SavedQuery[] {
  return [...saved.filter((each) => each.name !== query.name), query].sort((a, b) => a.name.localeCompare(b.name));
}

function isStored(value: unknown): value is StoredQuery {
  return typeof value === 'object' && value !== null && typeof (value as StoredQuery).query === 'string' && typeof (value as StoredQuery).params === 'string';
}

export class QueryStore {
  private memory = new Map<string, string>();

  constructor(private readonly storage: Storage | null = QueryStore.browserStorage()) {}

  private static browserStorage(): Storage | null {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }

  private read<T>(key: string, valid: (value: unknown) => value is T): T[] {
    let text: string | null | undefined;
    try {
      text = this.storage?.getItem(key);
    } catch {
      text = undefined;
    }
    text ??= this.memory.get(key) ?? null;
    if (!text) return [];
    try {
      const value = JSON.parse(text) as unknown;
      // Entries written by another version, or edited by hand, are skipped rather than trusted.
      return Array.isArray(value) ? value.filter(valid) : [];
    } catch {
      return [];
    }
  }

  private write(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    this.memory.set(key, text);
    try {
      this.storage?.setItem(key, text);
    } catch {
      // Full or forbidden: kept in memory for this page.
    }
  }

  history(): HistoryEntry[] {
    return this.read(HISTORY_KEY, (value): value is HistoryEntry => isStored(value) && typeof (value as HistoryEntry).at === 'number');
  }

  remember(entry: HistoryEntry): void {
    this.write(HISTORY_KEY, addToHistory(this.history(), entry));
  }

  clearHistory(): void {
    this.write(HISTORY_KEY, []);
  }

  saved(): SavedQuery[] {
    return this.read(SAVED_KEY, (value): value is SavedQuery => isStored(value) && typeof (value as SavedQuery).name === 'string');
  }

  save(query: SavedQuery): void {
    this.write(SAVED_KEY, addToSaved(this.saved(), query));
  }

  forget(name: string): void {
    this.write(SAVED_KEY, this.saved().filter((each) => each.name !== name));
  }
}
