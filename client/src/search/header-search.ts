/**
 * The header's search: a box over names and aliases, narrowed to one label by the select beside
 * it; its hint and its labels come from the database's schema. A pick goes to `onPick`.
 */
import type { SchemaInfo } from '../../../server/contract';
import { byId, h } from '../ui/dom';
import { attachSearch, type SearchOptions } from './index';
import { searchPlaceholder } from './placeholder';

export interface HeaderSearch {
  focus(): void;
  /** The schema's labels in the select, its hint in the box. */
  useSchema(schema: SchemaInfo): void;
  /** Whether the labels have been read (the select offers more than "All labels"). */
  readonly hasSchema: boolean;
}

export function attachHeaderSearch(onPick: SearchOptions['onPick']): HeaderSearch {
  byId('search-form').addEventListener('submit', (event) => event.preventDefault());
  const label = byId<HTMLSelectElement>('search-label');
  const input = byId<HTMLInputElement>('search');
  const search = attachSearch({ input, label: () => label.value, onPick });
  return {
    focus: () => search.focus(),
    useSchema(schema) {
      input.placeholder = searchPlaceholder(schema);
      for (const each of schema.labels) label.append(h('option', { value: each.name }, `${each.name} (${each.count.toLocaleString('en-US')})`));
    },
    get hasSchema() {
      return label.options.length > 1;
    },
  };
}
