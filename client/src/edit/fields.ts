/**
 * Form parts the edit dialogs share: a property table (name and value per row, rows added and
 * taken away), a comment for the history, and a select of the nodes on the canvas.
 */
import type { PlainValue } from '../../../server/contract';
import { h } from '../ui/dom';
import { AUTHOR_MAX, readAuthor, storeAuthor } from './author';
import { fieldId, labelled } from './dialog';
import { OWN_PROPERTIES, valueToText } from './rules';

export interface PropertyRows {
  readonly element: HTMLElement;
  /** The rows as the user left them. */
  values(): Array<{ name: string; text: string }>;
}

/** Editable rows for `properties` (the key and evidence left out), with "Add a property". */
export function propertyRows(properties: Readonly<Record<string, PlainValue>>, options: { legend?: string; skip?: readonly string[] } = {}): PropertyRows {
  const list = h('div', { class: 'edit-rows', 'data-testid': 'property-rows' });
  let count = 0;
  const addRow = (name: string, value: PlainValue, focus = false): void => {
    count += 1;
    const nameInput = h('input', { type: 'text', value: name, id: fieldId('prop-name'), 'data-testid': 'property-name', autocomplete: 'off', spellcheck: 'false' });
    const valueInput = h('textarea', { rows: Array.isArray(value) ? Math.min(4, Math.max(2, value.length)) : 1, id: fieldId('prop-value'), 'data-testid': `property-value-${name || count}` });
    valueInput.value = valueToText(value);
    const row = h(
      'div',
      { class: 'edit-row' },
      h('label', { class: 'visually-hidden', for: nameInput.id }, `Name of property ${count}`),
      nameInput,
      h('label', { class: 'visually-hidden', for: valueInput.id }, `Value of property ${count}`),
      valueInput,
      h('button', { type: 'button', class: 'icon', 'aria-label': `Remove property ${name || count}`, title: 'Remove this property', onclick: () => row.remove() }, '×'),
    );
    list.append(row);
    if (focus) nameInput.focus();
  };
  for (const [name, value] of Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (!OWN_PROPERTIES.has(name) && !options.skip?.includes(name)) addRow(name, value);
  }
  const element = h(
    'fieldset',
    { class: 'edit-properties' },
    h('legend', {}, options.legend ?? 'Properties'),
    h('p', { class: 'muted small' }, 'A list takes one item a line; an empty value removes the property.'),
    list,
    h('button', { type: 'button', class: 'link', 'data-testid': 'add-property', onclick: () => addRow('', '', true) }, '+ Add a property'),
  );
  return {
    element,
    values: () =>
      [...list.querySelectorAll('.edit-row')].map((row) => ({
        name: row.querySelector('input')!.value,
        text: row.querySelector('textarea')!.value,
      })),
  };
}

/** The comment the change is recorded with, and who makes it (kept in this browser for the next change). */
export function commentField(initial: string): { element: HTMLElement; value(): string } {
  const input = h('input', { type: 'text', value: initial, maxlength: 2000, 'data-testid': 'edit-comment', autocomplete: 'off' });
  const author = h('input', { type: 'text', value: readAuthor(), maxlength: AUTHOR_MAX, placeholder: 'local', 'data-testid': 'edit-author', autocomplete: 'name' });
  author.addEventListener('change', () => storeAuthor(author.value));
  return {
    element: h('div', { class: 'edit-who' }, labelled('Comment (kept in the history)', input), labelled('Your name (kept in the history)', author)),
    value: () => {
      storeAuthor(author.value);
      return input.value.trim() || initial;
    },
  };
}

/** A select of the nodes on the canvas (by canvas id), `selected` picked. */
export function nodeSelect(nodes: Array<{ id: string; name: string }>, selected: string | null, testId: string): HTMLSelectElement {
  const select = h('select', { 'data-testid': testId });
  select.append(h('option', { value: '', disabled: true, selected: selected === null }, 'Pick a node on the canvas'));
  for (const node of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) select.append(h('option', { value: node.id, selected: node.id === selected }, node.name));
  return select;
}
