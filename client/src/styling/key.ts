/**
 * The legend's key to the styling rules in use: which property colours the nodes (each value's
 * colour, or the graded scale), what sizes them (smallest and largest), what sets the width of
 * relationships, and the captions chosen per label; with the button that opens the styling panel.
 * Values from the database go in as text.
 */
import { h } from '../ui/dom';
import type { StyleKey } from './looks';
import { NO_VALUE_COLOR, OTHER_COLOR } from './scales';

/** Numbers as the key shows them: grouped from 10,000 on (a year stays 2015). */
const number = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: Math.abs(value) >= 10_000 });

function dot(color: string, size = 10): HTMLSpanElement {
  const mark = h('span', { class: 'style-dot', 'aria-hidden': 'true' });
  mark.style.backgroundColor = color;
  mark.style.width = mark.style.height = `${size}px`;
  return mark;
}

function line(width: number): HTMLSpanElement {
  const mark = h('span', { class: 'style-line', 'aria-hidden': 'true' });
  mark.style.height = `${width}px`;
  return mark;
}

const missingNote = (count: number, what: string): string | null => (count > 0 ? `${count} ${what} without it: normal ${what === 'nodes' ? 'size' : 'width'}` : null);

/** Category values shown before "+ N more" (the key stays a few lines high on a small window). */
const FIRST_VALUES = 6;
/** Whether the user asked for every value (kept while the page is open). */
let allValues = false;

export function drawStyleKey(key: StyleKey, openPanel: () => void): HTMLElement {
  const rows: HTMLElement[] = [];
  // The short rules first, the list of colours after them (the legend scrolls on a small window).
  if (key.size) {
    const size = key.size;
    const what = size.by === 'degree' ? 'relationships on the canvas' : size.property;
    const body = size.range
      ? h('span', { class: 'style-scale' }, dot('#9aa5b1', Math.min(size.sizes[0], 22) / 1.6), number(size.range.min), ' … ', dot('#9aa5b1', Math.min(size.sizes[1], 40) / 1.6), number(size.range.max))
      : h('span', { class: 'muted' }, 'no node on the canvas has a number in it');
    const note = size.range ? missingNote(size.range.missing, 'nodes') : null;
    rows.push(h('div', { class: 'style-rule', 'data-testid': 'style-key-size' }, h('span', { class: 'style-what' }, 'Size: ', h('strong', {}, what)), body, note ? h('span', { class: 'muted' }, ` · ${note}`) : null));
  }
  if (key.width) {
    const width = key.width;
    const body = width.range
      ? h('span', { class: 'style-scale' }, line(width.widths[0]), number(width.range.min), ' … ', line(width.widths[1]), number(width.range.max))
      : h('span', { class: 'muted' }, 'no relationship on the canvas has a number in it');
    const note = width.range ? missingNote(width.range.missing, 'relationships') : null;
    rows.push(h('div', { class: 'style-rule', 'data-testid': 'style-key-width' }, h('span', { class: 'style-what' }, 'Width: ', h('strong', {}, width.property)), body, note ? h('span', { class: 'muted' }, ` · ${note}`) : null));
  }
  if (key.color) {
    const color = key.color;
    const items: HTMLElement[] = [];
    if (color.kind === 'categories') {
      const shown = allValues || color.entries.length <= FIRST_VALUES + 1 ? color.entries : color.entries.slice(0, FIRST_VALUES);
      for (const entry of shown) items.push(h('li', {}, dot(entry.color), h('span', { class: 'style-value', title: entry.value }, entry.value), ` (${entry.count})`));
      if (shown.length < color.entries.length || (allValues && color.entries.length > FIRST_VALUES + 1)) {
        const more = h('button', { type: 'button', class: 'link style-more', 'aria-expanded': String(allValues), 'data-testid': 'style-key-more' }, allValues ? 'fewer' : `+ ${color.entries.length - shown.length} more`);
        more.addEventListener('click', () => {
          allValues = !allValues;
          const fresh = drawStyleKey(key, openPanel);
          holder.replaceWith(fresh);
          fresh.querySelector<HTMLElement>('[data-testid="style-key-more"]')?.focus();
        });
        items.push(h('li', {}, more));
      }
      if (color.other > 0) items.push(h('li', {}, dot(OTHER_COLOR), `other values (${color.other})`));
      if (color.missing > 0) items.push(h('li', {}, dot(NO_VALUE_COLOR), `no value (${color.missing})`));
      if (items.length === 0) items.push(h('li', { class: 'muted' }, 'no node on the canvas has it'));
    } else {
      const bar = h('span', { class: 'style-grades', 'aria-hidden': 'true' });
      bar.style.backgroundImage = `linear-gradient(90deg, ${color.stops.map((stop) => stop.color).join(', ')})`;
      items.push(h('li', {}, number(color.range.min), bar, number(color.range.max)));
      if (color.range.missing > 0) items.push(h('li', {}, dot(NO_VALUE_COLOR), `no value (${color.range.missing})`));
    }
    rows.push(h('div', { class: 'style-rule', 'data-testid': 'style-key-color' }, h('span', { class: 'style-what' }, 'Colour: ', h('strong', {}, color.property)), h('ul', { class: 'style-entries' }, ...items)));
  }
  if (key.captions.length > 0) {
    rows.push(h('div', { class: 'style-rule', 'data-testid': 'style-key-captions' }, h('span', { class: 'style-what' }, 'Captions: '), key.captions.map(([label, property]) => `${label} by ${property}`).join(', ')));
  }
  const holder = h(
    'div',
    { class: 'style-key', 'data-testid': 'style-key' },
    ...rows,
    h('button', { type: 'button', class: 'link style-open', 'data-testid': 'legend-style', onclick: openPanel }, rows.length > 0 ? 'Change styling…' : 'Style by property…'),
  );
  return holder;
}
