/**
 * What the canvas shows, as text (pure): the visible nodes with their names and labels, and the
 * visible relationships as "A — TYPE → B", each in a stable order (by name), and a one-line summary.
 */
import type { GraphNode } from '../../../server/contract';
import { visibleElements, type ViewState } from '../state';

export interface CanvasText {
  summary: string;
  nodes: Array<{ id: string; text: string }>;
  relationships: Array<{ id: string; text: string }>;
}

const byText = (a: { text: string }, b: { text: string }): number => a.text.localeCompare(b.text);

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function describeCanvas(state: ViewState, name: (node: GraphNode) => string): CanvasText {
  const visible = visibleElements(state);
  const nameOf = (id: string): string => {
    const node = state.nodes[id];
    return node ? name(node.data) : 'a node not on the canvas';
  };
  const nodes = [...visible.nodes].map((id) => {
    const node = state.nodes[id]!;
    const labels = node.data.labels.length > 0 ? ` (${node.data.labels.join(', ')})` : '';
    return { id, text: `${name(node.data)}${labels}${node.pinned ? ', pinned' : ''}` };
  });
  const relationships = [...visible.edges].map((id) => {
    const edge = state.edges[id]!;
    return { id, text: `${nameOf(edge.source)} — ${edge.type} → ${nameOf(edge.target)}` };
  });
  nodes.sort(byText);
  relationships.sort(byText);
  const total = Object.keys(state.nodes).length;
  const notShown = total - nodes.length;
  const summary =
    total === 0
      ? 'The canvas is empty.'
      : `The canvas shows ${count(nodes.length, 'node', 'nodes')} and ${count(relationships.length, 'relationship', 'relationships')}${notShown > 0 ? ` (${count(notShown, 'more node is', 'more nodes are')} hidden or filtered out)` : ''}.`;
  return { summary, nodes, relationships };
}
