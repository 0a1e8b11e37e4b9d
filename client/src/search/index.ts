/**
 * Search with autocomplete: as the user types, the API's ranked hits (name, label, the alias that
 * matched) in a listbox; arrows and Enter pick, Escape closes. Used for the main search box and for
 * the two ends of a path.
 */
import type { SearchHit, SearchResult } from '../../../server/contract';
import { MAX_SEARCH_LENGTH, searchTooLong } from '../../../server/contract/limits';
import { api } from '../api';
import { displayName, labelStyle } from '../graph';
import { h, fill } from '../ui/dom';
import { errorToast } from '../ui/toast';

export interface SearchBox {
  focus(): void;
  clear(): void;
}

export interface SearchOptions {
  input: HTMLInputElement;
  /** The label to search in ('' for all), read at each search. */
  label?: () => string;
  onPick(hit: SearchHit): void;
}

export { searchPlaceholder } from './placeholder';

let serial = 0;

export function attachSearch({ input, label, onPick }: SearchOptions): SearchBox {
  serial += 1;
  const listId = `search-results-${serial}`;
  const list = h('ul', { id: listId, class: 'search-results', role: 'listbox', hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let hits: SearchHit[] = [];
  let active = -1;
  let timer = 0;
  let controller: AbortController | null = null;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (index: number): void => {
    active = index;
    [...list.children].forEach((item, each) => item.setAttribute('aria-selected', String(each === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${index}`);
      list.children[index]?.scrollIntoView({ block: 'nearest' });
    }
  };
  const pick = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    // A search still waiting to run (or on its way) for the text before the pick would open the list again.
    clearTimeout(timer);
    controller?.abort();
    close();
    input.value = displayName(hit.node);
    onPick(hit);
  };
  /** A line in the list instead of hits (nothing found, a text too long, a failed search): no stale hits stay. */
  const say = (text: string, kind: 'empty' | 'error' = 'empty'): void => {
    hits = [];
    fill(list, h('li', { class: `search-${kind}`, role: 'option', 'aria-disabled': 'true', 'data-testid': 'search-message' }, text));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };
  const show = (query: string, found: SearchResult): void => {
    const result = found.hits;
    hits = result;
    if (result.length === 0) {
      say(found.partial && found.note ? `Nothing matches “${query}” in what was searched. ${found.note}` : `Nothing matches “${query}”. Check the spelling, or search another name.`);
      return;
    } else {
      fill(
        list,
        ...result.map((hit, index) => {
          const name = displayName(hit.node);
          const nodeLabel = hit.node.labels[0] ?? '';
          return h(
            'li',
            { id: `${listId}-${index}`, class: 'search-hit', role: 'option', 'aria-selected': 'false', onmousedown: (event: Event) => { event.preventDefault(); pick(index); } },
            h('span', { class: 'chip', style: `--chip: ${labelStyle(nodeLabel).color}` }, nodeLabel || 'node'),
            h('span', { class: 'search-name' }, name),
            hit.matched && hit.matched !== name ? h('span', { class: 'search-matched' }, `matched “${hit.matched}”`) : null,
          );
        }),
        found.partial && found.note ? h('li', { class: 'search-note', role: 'option', 'aria-disabled': 'true', 'data-testid': 'search-note' }, found.note) : null,
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(result.length > 0 ? 0 : -1);
  };
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    controller?.abort();
    if (query === '') {
      hits = [];
      close();
      return;
    }
    if (query.length > MAX_SEARCH_LENGTH) {
      say(searchTooLong(query.length), 'error');
      return;
    }
    controller = new AbortController();
    try {
      const result = await api.search(query, { label: label?.() || undefined, limit: 10, signal: controller.signal });
      if (input.value.trim() === query) show(query, result);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      if (input.value.trim() === query) say(`Search failed: ${(error as Error).message}`, 'error');
      errorToast(error, 'Search failed');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      if (list.hidden) void run();
      setActive((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else void run();
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return {
    focus: () => {
      input.focus();
      input.select();
    },
    clear: () => {
      input.value = '';
      close();
    },
  };
}
