/**
 * Cytoscape draws the state: elements that are in the state and not on the canvas are added, those
 * no longer in it are removed, positions follow the state (so undo moves nodes back), and classes
 * show filters, pins and the highlighted path. The state is never read back from Cytoscape here.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../server/contract';
import { visibleElements, type ViewState } from '../state';
import { displayName } from './display';
import { labelStyle, typeColor } from './palette';

export function nodeData(node: GraphNode): Record<string, string> {
  const label = node.labels[0] ?? '';
  const style = labelStyle(label);
  return { id: node.id, name: displayName(node), label, color: style.color, shape: style.shape };
}

export function edgeData(edge: GraphEdge): Record<string, string> {
  return { id: edge.id, source: edge.source, target: edge.target, type: edge.type, color: typeColor(edge.type) };
}

/** Draws `state`; returns the ids of nodes that have no position yet (a layout must place them). */
export function render(cy: Core, state: ViewState): string[] {
  const visible = visibleElements(state);
  const unplaced: string[] = [];
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const id = element.id();
      if (element.isNode() ? !state.nodes[id] : !state.edges[id]) element.remove();
    });
    const additions: ElementDefinition[] = [];
    for (const [id, node] of Object.entries(state.nodes)) {
      const existing = cy.getElementById(id);
      if (existing.empty()) {
        additions.push({ group: 'nodes', data: nodeData(node.data), position: node.position ? { ...node.position } : { x: 0, y: 0 } });
        if (!node.position) unplaced.push(id);
        continue;
      }
      const data = nodeData(node.data);
      if (existing.data('name') !== data.name || existing.data('color') !== data.color) existing.data(data);
      if (node.position) {
        const at = existing.position();
        if (Math.abs(at.x - node.position.x) > 0.5 || Math.abs(at.y - node.position.y) > 0.5) existing.position({ ...node.position });
      }
    }
    cy.add(additions);
    const edgeAdditions: ElementDefinition[] = [];
    for (const [id, edge] of Object.entries(state.edges)) {
      if (cy.getElementById(id).empty()) edgeAdditions.push({ group: 'edges', data: edgeData(edge) });
    }
    cy.add(edgeAdditions);

    const highlight = state.highlight;
    const lit = new Set(highlight ? [...highlight.nodes, ...highlight.edges] : []);
    cy.nodes().forEach((element) => {
      const node = state.nodes[element.id()]!;
      element.toggleClass('filtered', !visible.nodes.has(element.id()));
      element.toggleClass('pinned', node.pinned);
      element.toggleClass('highlighted', lit.has(element.id()));
      element.toggleClass('faded', highlight !== null && !lit.has(element.id()));
    });
    cy.edges().forEach((element) => {
      element.toggleClass('filtered', !visible.edges.has(element.id()));
      element.toggleClass('highlighted', lit.has(element.id()));
      element.toggleClass('faded', highlight !== null && !lit.has(element.id()));
    });
  });
  return unplaced;
}
