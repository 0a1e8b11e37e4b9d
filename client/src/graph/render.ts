/**
 * Cytoscape draws the state: elements that are in the state and not on the canvas are added, those
 * no longer in it are removed, positions follow the state (so undo moves nodes back), and classes
 * show filters, pins and the highlighted path. The state is never read back from Cytoscape here.
 * Elements of class `proposed` (an article's candidates previewed, edit/article/preview.ts) are not
 * the state's: they are left alone.
 */
import type { Core, ElementDefinition, SingularElementArgument } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../server/contract';
import { visibleElements, type ViewState } from '../state';
import type { Looks, NodeLook } from '../styling/looks';
import { displayName } from './display';
import { labelStyle, typeColor } from './palette';
import { restyle, type DataPatch } from './restyle';

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

/**
 * The keys of `data` that differ from the element's, and `optional` to remove when `data` has none
 * (the style sheet sizes or widens by it only where it is set); null: nothing differs.
 */
function dataPatch(element: SingularElementArgument, data: Record<string, string | number>, optional: string): DataPatch | null {
  const current = element.data() as Record<string, unknown>;
  const set: Record<string, string | number> = {};
  let changed = false;
  for (const [key, value] of Object.entries(data)) {
    if (current[key] !== value) {
      set[key] = value;
      changed = true;
    }
  }
  const unset = data[optional] === undefined && current[optional] !== undefined ? [optional] : [];
  return changed || unset.length > 0 ? { element, set, unset } : null;
}

/** Sets or clears a class only where it differs (Cytoscape's toggleClass costs a collection a call). */
function setClass(element: SingularElementArgument, name: string, on: boolean): void {
  if (element.hasClass(name) !== on) element.toggleClass(name, on);
}

/** The state each canvas was last drawn from (the state is immutable: each change is a new one). */
const drawnStates = new WeakMap<Core, ViewState>();

/** The data changes that make the canvas, which shows `state`, show it in `looks`: each node's and relationship's that differ. */
function lookPatches(cy: Core, state: ViewState, looks: Looks | undefined): DataPatch[] {
  const patches: DataPatch[] = [];
  for (const [id, node] of Object.entries(state.nodes)) {
    const existing = cy.getElementById(id);
    if (existing.empty()) continue;
    const patch = dataPatch(existing, nodeData(node.data, looks?.nodes.get(id)), 'size');
    if (patch) patches.push(patch);
  }
  for (const id of Object.keys(state.edges)) {
    const width = looks?.edges.get(id);
    const existing = cy.getElementById(id);
    if (existing.nonempty() && existing.data('width') !== width) patches.push(width === undefined ? { element: existing, set: {}, unset: ['width'] } : { element: existing, set: { width }, unset: [] });
  }
  return patches;
}

/**
 * Draws `state` (styled by `looks` when given); returns the ids of nodes that have no position yet
 * (a layout must place them). The state the canvas already shows, drawn again (a styling rule
 * changed), changes only the elements' data: what is on the canvas, where, and its classes are as
 * the last render step left them (at 1,000 nodes that step is 3 ms instead of 10).
 */
export function render(cy: Core, state: ViewState, looks?: Looks): string[] {
  if (drawnStates.get(cy) === state) {
    cy.batch(() => restyle(cy, lookPatches(cy, state, looks)));
    return [];
  }
  const visible = visibleElements(state);
  const unplaced: string[] = [];
  cy.batch(() => {
    // (Skipped by a test of each element's class: `not('.proposed')` builds a collection per element.)
    cy.elements().forEach((element) => {
      if (element.hasClass('proposed')) return;
      const id = element.id();
      if (element.isNode() ? !state.nodes[id] : !state.edges[id]) element.remove();
    });
    const additions: ElementDefinition[] = [];
    // Changes of data (what the styling rules set) of what was on the canvas already: applied by restyle, across frames when many.
    const patches = lookPatches(cy, state, looks);
    for (const [id, node] of Object.entries(state.nodes)) {
      const existing = cy.getElementById(id);
      if (existing.empty()) {
        additions.push({ group: 'nodes', data: nodeData(node.data, looks?.nodes.get(id)), position: node.position ? { ...node.position } : { x: 0, y: 0 } });
        if (!node.position) unplaced.push(id);
        continue;
      }
      if (node.position) {
        const at = existing.position();
        if (Math.abs(at.x - node.position.x) > 0.5 || Math.abs(at.y - node.position.y) > 0.5) existing.position({ ...node.position });
      }
    }
    if (additions.length > 0) cy.add(additions);
    const edgeAdditions: ElementDefinition[] = [];
    for (const [id, edge] of Object.entries(state.edges)) {
      if (cy.getElementById(id).empty()) edgeAdditions.push({ group: 'edges', data: edgeData(edge, looks?.edges.get(id)) });
    }
    if (edgeAdditions.length > 0) cy.add(edgeAdditions);
    restyle(cy, patches);

    const highlight = state.highlight;
    const lit = new Set(highlight ? [...highlight.nodes, ...highlight.edges] : []);
    cy.nodes().forEach((element) => {
      if (element.hasClass('proposed')) return;
      const node = state.nodes[element.id()]!;
      setClass(element, 'filtered', !visible.nodes.has(element.id()));
      setClass(element, 'pinned', node.pinned);
      setClass(element, 'highlighted', lit.has(element.id()));
      setClass(element, 'faded', highlight !== null && !lit.has(element.id()));
    });
    cy.edges().forEach((element) => {
      if (element.hasClass('proposed')) return;
      setClass(element, 'filtered', !visible.edges.has(element.id()));
      setClass(element, 'highlighted', lit.has(element.id()));
      setClass(element, 'faded', highlight !== null && !lit.has(element.id()));
    });
  });
  drawnStates.set(cy, state);
  return unplaced;
}
