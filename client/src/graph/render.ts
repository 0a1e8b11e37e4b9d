/**
 * Cytoscape draws the state: elements that are in the state and not on the canvas are added, those
 * no longer in it are removed, positions follow the state (so undo moves nodes back), and classes
 * show filters, pins and the highlighted path. The state is never read back from Cytoscape here.
 * Elements of class `proposed` (an article's candidates previewed, edit/article/preview.ts) are not
 * the state's: they are left alone.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../server/contract';
import { visibleElements, type ViewState } from '../state';
import type { Looks, NodeLook } from '../styling/looks';
import { displayName } from './display';
import { labelStyle, typeColor } from './palette';

/**
 * A node's data for the canvas. With a look from the styling rules (styling/looks.ts): its colour
 * and caption replace the label's and the name, and `size` is set (the style sheet sizes a node
 * by it only when set).
 */
export function nodeData(node: GraphNode, look?: NodeLook): Record<string, string | number> {
  const label = node.labels[0] ?? '';
  const style = labelStyle(label);
  const data: Record<string, string | number> = { id: node.id, name: look?.caption ?? displayName(node), label, color: look?.color ?? style.color, shape: style.shape };
  if (typeof look?.size === 'number') data.size = look.size;
  return data;
}

export function edgeData(edge: GraphEdge, width?: number): Record<string, string | number> {
  const data: Record<string, string | number> = { id: edge.id, source: edge.source, target: edge.target, type: edge.type, color: typeColor(edge.type) };
  if (width !== undefined) data.width = width;
  return data;
}

/** Draws `state` (styled by `looks` when given); returns the ids of nodes that have no position yet (a layout must place them). */
export function render(cy: Core, state: ViewState, looks?: Looks): string[] {
  const visible = visibleElements(state);
  const unplaced: string[] = [];
  cy.batch(() => {
    cy.elements().not('.proposed').forEach((element) => {
      const id = element.id();
      if (element.isNode() ? !state.nodes[id] : !state.edges[id]) element.remove();
    });
    const additions: ElementDefinition[] = [];
    for (const [id, node] of Object.entries(state.nodes)) {
      const existing = cy.getElementById(id);
      if (existing.empty()) {
        additions.push({ group: 'nodes', data: nodeData(node.data, looks?.nodes.get(id)), position: node.position ? { ...node.position } : { x: 0, y: 0 } });
        if (!node.position) unplaced.push(id);
        continue;
      }
      const data = nodeData(node.data, looks?.nodes.get(id));
      if (existing.data('name') !== data.name || existing.data('color') !== data.color || existing.data('size') !== data.size) {
        // An unset size is removed, not left behind (the style sheet sizes by `size` only where it is set).
        if (data.size === undefined && existing.data('size') !== undefined) existing.removeData('size');
        existing.data(data);
      }
      if (node.position) {
        const at = existing.position();
        if (Math.abs(at.x - node.position.x) > 0.5 || Math.abs(at.y - node.position.y) > 0.5) existing.position({ ...node.position });
      }
    }
    cy.add(additions);
    const edgeAdditions: ElementDefinition[] = [];
    for (const [id, edge] of Object.entries(state.edges)) {
      const width = looks?.edges.get(id);
      const existing = cy.getElementById(id);
      if (existing.empty()) edgeAdditions.push({ group: 'edges', data: edgeData(edge, width) });
      else if (existing.data('width') !== width) {
        if (width === undefined) existing.removeData('width');
        else existing.data('width', width);
      }
    }
    cy.add(edgeAdditions);

    const highlight = state.highlight;
    const lit = new Set(highlight ? [...highlight.nodes, ...highlight.edges] : []);
    cy.nodes().not('.proposed').forEach((element) => {
      const node = state.nodes[element.id()]!;
      element.toggleClass('filtered', !visible.nodes.has(element.id()));
      element.toggleClass('pinned', node.pinned);
      element.toggleClass('highlighted', lit.has(element.id()));
      element.toggleClass('faded', highlight !== null && !lit.has(element.id()));
    });
    cy.edges().not('.proposed').forEach((element) => {
      element.toggleClass('filtered', !visible.edges.has(element.id()));
      element.toggleClass('highlighted', lit.has(element.id()));
      element.toggleClass('faded', highlight !== null && !lit.has(element.id()));
    });
  });
  return unplaced;
}
