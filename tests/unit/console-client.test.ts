/** The console's pure parts: the parameters box, history and saved queries, which examples fit a database. */
import { EXAMPLES, examplesFor } from '../../client/src/console/examples';
import { parseParams } from '../../client/src/console/params';
import { addToHistory, addToSaved, HISTORY_LIMIT, QueryStore, type HistoryEntry } from '../../client/src/console/store';
import { ApiRequestError } from '../../client/src/api';
import { showHealth } from '../../client/src/status';

/** An in-memory Storage, optionally refusing writes (a full quota) or reads (storage switched off). */
function fakeStorage(options: { failWrites?: boolean; failReads?: boolean } = {}): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => {
      if (options.failReads) throw new Error('SecurityError');
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (options.failWrites) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}

test('parameters: an object is taken; empty is none; anything else is said plainly', () => {
  expect(parseParams('{"name": "Tencent", "n": 2}')).toEqual({ params: { name: 'Tencent', n: 2 } });
  expect(parseParams('  ')).toEqual({ params: {} });
  expect(parseParams('{"name": Tencent}')).toEqual({ error: expect.stringContaining('not valid JSON') });
  expect(parseParams('[1, 2]')).toEqual({ error: expect.stringContaining('must be a JSON object') });
  expect(parseParams('null')).toEqual({ error: expect.stringContaining('must be a JSON object') });
});

test('history: newest first, the same query and parameters listed once, at most the limit', () => {
  const entry = (query: string, at: number, params = '{}'): HistoryEntry => ({ query, params, at });
  let history: HistoryEntry[] = [];
  history = addToHistory(history, entry('MATCH (a) RETURN a', 1));
  history = addToHistory(history, entry('MATCH (b) RETURN b', 2));
  history = addToHistory(history, entry('MATCH (a) RETURN a ', 3));
  expect(history.map((each) => each.at)).toEqual([3, 2]);
  history = addToHistory(history, entry('MATCH (a) RETURN a', 4, '{"x": 1}'));
  expect(history).toHaveLength(3);
  for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) history = addToHistory(history, entry(`RETURN ${i}`, 10 + i));
  expect(history).toHaveLength(HISTORY_LIMIT);
  expect(history[0]?.query).toBe(`RETURN ${HISTORY_LIMIT + 4}`);
});

test('saved queries: by name, sorted, the same name replaced', () => {
  let saved = addToSaved([], { name: 'Zeta', query: 'RETURN 1', params: '{}' });
  saved = addToSaved(saved, { name: 'Alpha', query: 'RETURN 2', params: '{}' });
  saved = addToSaved(saved, { name: 'Zeta', query: 'RETURN 3', params: '{}' });
  expect(saved.map((each) => [each.name, each.query])).toEqual([
    ['Alpha', 'RETURN 2'],
    ['Zeta', 'RETURN 3'],
  ]);
});

test('the store keeps history and saved queries in storage, skips entries it cannot trust, and works without storage', () => {
  const storage = fakeStorage();
  const store = new QueryStore(storage);
  store.remember({ query: 'RETURN 1', params: '{}', at: 1 });
  store.save({ name: 'One', query: 'RETURN 1', params: '{}' });
  const again = new QueryStore(storage);
  expect(again.history().map((each) => each.query)).toEqual(['RETURN 1']);
  expect(again.saved().map((each) => each.name)).toEqual(['One']);
  again.forget('One');
  expect(new QueryStore(storage).saved()).toEqual([]);

  storage.setItem('fingraph.console.history', '[{"query": 5}, {"query": "RETURN 2", "params": "{}", "at": 2}, "junk"]');
  expect(new QueryStore(storage).history().map((each) => each.query)).toEqual(['RETURN 2']);
  storage.setItem('fingraph.console.history', '{not json');
  expect(new QueryStore(storage).history()).toEqual([]);

  for (const broken of [fakeStorage({ failWrites: true }), fakeStorage({ failReads: true }), null]) {
    const local = new QueryStore(broken);
    local.remember({ query: 'RETURN 3', params: '{}', at: 3 });
    expect(local.history().map((each) => each.query)).toEqual(['RETURN 3']);
  }
});

test('examples: the dataset ones only where their labels and types exist; the general ones everywhere', () => {
  const general = EXAMPLES.filter((example) => !example.needs).map((example) => example.title);
  expect(examplesFor({ labels: ['Customer', 'Order'], relationshipTypes: ['PURCHASED'] }).map((example) => example.title)).toEqual(general);
  const fintech = examplesFor({ labels: ['Company', 'Bank', 'Product'], relationshipTypes: ['PARTNERS_WITH', 'OFFERS'] }).map((example) => example.title);
  expect(fintech).toEqual(expect.arrayContaining(['Who partners with banks?', 'Products of each giant', 'Paths from Xiaomi to ICBC', ...general]));
  expect(examplesFor(null).map((example) => example.title)).toEqual(general);
});

test('regression (issue 14): the status line tells "Neo4j not reachable" from "Server not answering" by status and code, never by the words of the message', () => {
  const line = (): HTMLElement => ({ dataset: {}, textContent: '', title: '' }) as unknown as HTMLElement;
  const shown = (error: Error): string | null => {
    const element = line();
    showHealth(element, error);
    return element.textContent;
  };
  const unavailable = { type: 'https://fingraph.dev/problems/database-unavailable', title: 'Database Unavailable', status: 503, detail: "NEO4J_URI 'x' cannot be used", code: 'ServiceUnavailable' };
  expect(shown(new ApiRequestError(503, unavailable.detail, unavailable))).toBe('Neo4j not reachable');
  // No answer at all, whatever the message says.
  expect(shown(new ApiRequestError(0, 'Neo4j may be fine; the Fingraph server does not answer.'))).toBe('Server not answering');
  // Busy is load shedding, not an outage of Neo4j.
  expect(shown(new ApiRequestError(503, 'Neo4j is busy', { ...unavailable, code: 'Busy', detail: 'Neo4j is busy' }))).toBe('Server not answering');
  expect(shown(new Error('Neo4j'))).toBe('Server not answering');
});
