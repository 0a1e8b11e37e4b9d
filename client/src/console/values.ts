/**
 * Console result values as DOM, readably and by type: numbers, text, dates and durations, lists,
 * maps, and nodes, relationships and paths as chips. Text from the database goes in as text.
 */
import type { ConsoleValue, GraphEdge, GraphNode } from '../../../server/contract';
import { displayName, labelStyle } from '../graph';
import { h } from '../ui/dom';

/** How many items of a list, or keys of a map, a cell shows before "… N more". */
export const CELL_ITEMS = 25;

export interface ValueActions {
  /** A node chip was clicked. */
  showNode(node: GraphNode): void;
}

function nodeChip(node: GraphNode, actions: ValueActions): HTMLElement {
  const label = node.labels[0] ?? '';
  const chip = h(
    'button',
    { type: 'button', class: 'chip node-chip', title: `${node.labels.map((each) => `:${each}`).join('')} — show on the canvas`, onclick: () => actions.showNode(node) },
    h('span', { class: 'chip-label' }, label),
    displayName(node),
  );
  chip.style.setProperty('--chip-color', labelStyle(label).color);
  return chip;
}

function edgeChip(edge: Pick<GraphEdge, 'type'>): HTMLElement {
  return h('span', { class: 'chip edge-chip', title: 'Relationship' }, `:${edge.type}`);
}

function separated(items: Node[], open: string, close: string, more: number): HTMLElement {
  const box = h('span', { class: 'v-collection' }, open);
  items.forEach((item, index) => {
    if (index > 0) box.append(', ');
    box.append(item);
  });
  if (more > 0) box.append(h('span', { class: 'muted' }, `${items.length > 0 ? ', ' : ''}… ${more.toLocaleString('en-US')} more`));
  box.append(close);
  return box;
}

/** A cell as DOM by its type, which the server sends beside the value: a map is always shown as a map. */
export function renderValue(cell: ConsoleValue, actions: ValueActions, depth = 0): Node {
  switch (cell.type) {
    case 'null':
      return h('span', { class: 'v-null' }, 'null');
    case 'boolean':
      return h('span', { class: 'v-boolean' }, String(cell.value));
    case 'integer':
      return typeof cell.value === 'number' ? h('span', { class: 'v-number' }, String(cell.value)) : h('span', { class: 'v-number', title: 'Integer beyond 2^53, shown exactly' }, cell.value);
    case 'float':
      return h('span', { class: 'v-number' }, String(cell.value));
    case 'string':
      return h('span', { class: 'v-string' }, depth === 0 ? cell.value : JSON.stringify(cell.value));
    case 'list': {
      const shown = cell.value.slice(0, CELL_ITEMS).map((item) => renderValue(item, actions, depth + 1));
      return separated(shown, '[', ']', cell.value.length - shown.length);
    }
    case 'map': {
      const entries = Object.entries(cell.value);
      const shown = entries.slice(0, CELL_ITEMS).map(([key, item]) => h('span', { class: 'v-entry' }, h('span', { class: 'v-key' }, `${key}: `), renderValue(item, actions, depth + 1)));
      return separated(shown, '{', '}', entries.length - shown.length);
    }
    case 'node':
      return nodeChip(cell.value, actions);
    case 'relationship':
      return edgeChip(cell.value);
    case 'path': {
      const box = h('span', { class: 'v-path' });
      // A path's edges follow its nodes in order; each edge's arrow shows its own direction.
      cell.value.nodes.forEach((node, index) => {
        box.append(nodeChip(node, actions));
        const edge = cell.value.edges[index];
        if (!edge) return;
        const forward = edge.source === node.id;
        box.append(h('span', { class: 'path-link' }, forward ? '—' : '←', edgeChip(edge), forward ? '→' : '—'));
      });
      return box;
    }
    case 'temporal':
      return h('span', { class: 'v-temporal', title: cell.temporal }, cell.value);
    case 'point': {
      const point = cell.value;
      const axes = (['x', 'y', 'z'] as const).filter((axis) => point[axis] !== undefined).map((axis) => `${axis}: ${String(point[axis])}`);
      return h('span', { class: 'v-point' }, `point(${axes.join(', ')}, srid: ${point.srid})`);
    }
    case 'bytes':
      return h('span', { class: 'v-bytes', title: 'Bytes, base64' }, `bytes ${cell.value.slice(0, 40)}${cell.value.length > 40 ? '…' : ''}`);
    case 'unsupported':
      return h('span', { class: 'v-string', title: 'A value of a type this console does not know' }, cell.value);
  }
}
