/**
 * Console result values as DOM, readably and by type: numbers, text, dates and durations, lists,
 * maps, and nodes, relationships and paths as chips. Text from the database goes in as text.
 */
import type { GraphEdge, GraphNode, PlainValue } from '../../../server/contract';
import { displayName, labelStyle } from '../graph';
import { h } from '../ui/dom';

/** How many items of a list, or keys of a map, a cell shows before "… N more". */
export const CELL_ITEMS = 25;

export interface ValueActions {
  /** A node chip was clicked. */
  showNode(node: GraphNode): void;
}

type Tagged = { $kind: string; [key: string]: PlainValue };

function tagged(value: PlainValue): Tagged | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.$kind === 'string' ? (value as Tagged) : null;
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

export function renderValue(value: PlainValue, actions: ValueActions, depth = 0): Node {
  if (value === null) return h('span', { class: 'v-null' }, 'null');
  if (typeof value === 'boolean') return h('span', { class: 'v-boolean' }, String(value));
  if (typeof value === 'number') return h('span', { class: 'v-number' }, String(value));
  if (typeof value === 'string') return depth === 0 ? h('span', { class: 'v-string' }, value) : h('span', { class: 'v-string' }, JSON.stringify(value));
  if (Array.isArray(value)) {
    const shown = value.slice(0, CELL_ITEMS).map((item) => renderValue(item, actions, depth + 1));
    return separated(shown, '[', ']', value.length - shown.length);
  }
  const kind = tagged(value);
  if (kind) {
    switch (kind.$kind) {
      case 'node':
        return nodeChip(kind as unknown as GraphNode, actions);
      case 'relationship':
        return edgeChip(kind as unknown as GraphEdge);
      case 'path': {
        const path = kind as unknown as { nodes: GraphNode[]; edges: GraphEdge[] };
        const box = h('span', { class: 'v-path' });
        // A path's edges follow its nodes in order; each edge's arrow shows its own direction.
        path.nodes.forEach((node, index) => {
          box.append(nodeChip(node, actions));
          const edge = path.edges[index];
          if (!edge) return;
          const forward = edge.source === node.id;
          box.append(h('span', { class: 'path-link' }, forward ? '—' : '←', edgeChip(edge), forward ? '→' : '—'));
        });
        return box;
      }
      case 'temporal':
        return h('span', { class: 'v-temporal', title: String(kind.type) }, String(kind.value));
      case 'integer':
        return h('span', { class: 'v-number', title: 'Integer beyond 2^53, shown exactly' }, String(kind.value));
      case 'point':
        return h('span', { class: 'v-point' }, `point(${['x', 'y', 'z'].filter((axis) => kind[axis] !== undefined).map((axis) => `${axis}: ${String(kind[axis])}`).join(', ')}, srid: ${String(kind.srid)})`);
      case 'bytes':
        return h('span', { class: 'v-bytes', title: 'Bytes, base64' }, `bytes ${String(kind.value).slice(0, 40)}${String(kind.value).length > 40 ? '…' : ''}`);
      default:
        break;
    }
  }
  const entries = Object.entries(value).filter(([key]) => key !== '$kind' || !kind);
  const shown = entries.slice(0, CELL_ITEMS).map(([key, item]) => h('span', { class: 'v-entry' }, h('span', { class: 'v-key' }, `${key}: `), renderValue(item, actions, depth + 1)));
  return separated(shown, '{', '}', entries.length - shown.length);
}
