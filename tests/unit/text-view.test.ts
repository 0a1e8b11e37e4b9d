/** The canvas as text (client/src/text-view/describe.ts): what a screen reader hears of the canvas, without a browser. */
import type { GraphEdge, GraphNode } from '../../server/contract';
import { addGraph, emptyView, setHidden, setPinned, toggleLabel } from '../../client/src/state';
import { describeCanvas } from '../../client/src/text-view/describe';

const node = (id: string, name: string, labels = ['Company']): GraphNode => ({ id, labels, properties: { name } });
const edge = (id: string, source: string, target: string, type: string): GraphEdge => ({ id, source, target, type, properties: {} });
const name = (n: GraphNode): string => String(n.properties.name);

const view = addGraph(emptyView(), {
  nodes: [node('t', 'Tencent'), node('h', 'Huaxia Bank', ['Bank']), node('w', 'WeBank', ['Bank', 'Company'])],
  edges: [edge('e1', 't', 'h', 'PARTNERS_WITH'), edge('e2', 't', 'w', 'OWNS')],
});

test('the visible nodes with their labels and the relationships as "A — TYPE → B", each by name, and a summary', () => {
  expect(describeCanvas(setPinned(view, ['t'], true), name)).toEqual({
    summary: 'The canvas shows 3 nodes and 2 relationships.',
    nodes: [
      { id: 'h', text: 'Huaxia Bank (Bank)' },
      { id: 't', text: 'Tencent (Company), pinned' },
      { id: 'w', text: 'WeBank (Bank, Company)' },
    ],
    relationships: [
      { id: 'e2', text: 'Tencent — OWNS → WeBank' },
      { id: 'e1', text: 'Tencent — PARTNERS_WITH → Huaxia Bank' },
    ],
  });
});

test('hidden and filtered-out nodes, and their relationships, are left out and counted in the summary', () => {
  const hidden = describeCanvas(setHidden(view, ['h'], true), name);
  expect(hidden.nodes.map((n) => n.id)).toEqual(['t', 'w']);
  expect(hidden.relationships.map((r) => r.id)).toEqual(['e2']);
  expect(hidden.summary).toBe('The canvas shows 2 nodes and 1 relationship (1 more node is hidden or filtered out).');
  // A node goes with the label filter when all its labels are filtered out (WeBank is a Bank too).
  const filtered = describeCanvas(toggleLabel(view, 'Company'), name);
  expect(filtered.nodes.map((n) => n.id)).toEqual(['h', 'w']);
  expect(filtered.summary).toBe('The canvas shows 2 nodes and 0 relationships (1 more node is hidden or filtered out).');
  expect(describeCanvas(setHidden(view, ['h', 'w'], true), name).summary).toBe('The canvas shows 1 node and 0 relationships (2 more nodes are hidden or filtered out).');
});

test('an empty canvas says so', () => {
  expect(describeCanvas(emptyView(), name)).toEqual({ summary: 'The canvas is empty.', nodes: [], relationships: [] });
});
