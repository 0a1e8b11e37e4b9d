/**
 * The accepted candidates drawn on the canvas in their own style (class `proposed`: a dashed outline,
 * see graph/canvas.ts), outside the view state: never in the undo history, the URL or an export of
 * the state, and passed over by the render step. A candidate that is a node already on the canvas
 * is that node; a relationship that adds evidence to one drawn there marks it instead.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { labelStyle } from '../../graph';
import { placeAround, type Position, type ViewState } from '../../state';
import type { PreviewGraph } from './review';

export const PROPOSED = 'proposed';
export const PROPOSED_EVIDENCE = 'proposed-evidence';
export const PROPOSED_EXISTING = 'proposed-existing';

const nodeId = (ref: string): string => `proposed-node:${ref}`;

/** A box on the screen, in the canvas's pixels. */
export interface RenderedBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The part of the canvas right of `panel` (the whole canvas when it is hidden) and above `below` (the overview), in the canvas's pixels. */
export function canvasRightOf(cy: Core, panel: HTMLElement, below?: HTMLElement): RenderedBox {
  const box = cy.container()!.getBoundingClientRect();
  const covered = panel.hidden ? 0 : Math.max(0, Math.min(box.width - 40, panel.getBoundingClientRect().right - box.left));
  const under = below && !below.hidden ? below.getBoundingClientRect() : null;
  const bottom = under && under.height > 0 && under.top - box.top > box.height / 2 ? under.top - box.top : box.height;
  return { x1: covered, y1: 0, x2: box.width, y2: bottom };
}

export class ProposedLayer {
  /** Where each proposed node stands (kept while the review lasts, so that nodes do not jump). */
  private readonly positions = new Map<string, Position>();

  constructor(
    private readonly cy: Core,
    /** The part of the canvas the panel leaves free: a proposed node with no neighbour drawn goes in its middle, and the preview is panned into it. */
    private readonly free: () => RenderedBox,
  ) {}

  private freeCentre(): Position {
    const box = this.free();
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    return { x: ((box.x1 + box.x2) / 2 - pan.x) / zoom, y: ((box.y1 + box.y2) / 2 - pan.y) / zoom };
  }

  /** Pans (never zooms) so that the proposed nodes are in the free part of the canvas, when some are outside it. */
  private reveal(): void {
    const nodes = this.cy.nodes(`.${PROPOSED}`);
    if (nodes.empty()) return;
    const shown = nodes.renderedBoundingBox({ includeLabels: true });
    const box = this.free();
    const margin = 30;
    if (shown.x1 >= box.x1 + margin && shown.x2 <= box.x2 - margin && shown.y1 >= box.y1 + margin && shown.y2 <= box.y2 - margin) return;
    this.cy.panBy({ x: (box.x1 + box.x2) / 2 - (shown.x1 + shown.x2) / 2, y: (box.y1 + box.y2) / 2 - (shown.y1 + shown.y2) / 2 });
  }

  /** Draws `graph` over `state`'s canvas, replacing the previous preview. */
  show(graph: PreviewGraph, state: ViewState): void {
    const canvasId = (ref: string): string | null => {
      const node = graph.nodes.find((each) => each.ref === ref);
      return node?.existingId && state.nodes[node.existingId] ? node.existingId : null;
    };
    const occupied = (): Position[] => [...Object.values(state.nodes).flatMap((node) => (node.position ? [node.position] : [])), ...this.positions.values()];
    const wanted = new Set(graph.nodes.filter((node) => canvasId(node.ref) === null).map((node) => node.ref));
    for (const ref of [...this.positions.keys()]) if (!wanted.has(ref)) this.positions.delete(ref);
    for (const node of graph.nodes) {
      if (!wanted.has(node.ref) || this.positions.has(node.ref)) continue;
      const neighbours = graph.edges
        .flatMap((edge) => (edge.from === node.ref ? [edge.to] : edge.to === node.ref ? [edge.from] : []))
        .flatMap((ref) => {
          const id = canvasId(ref);
          const at = id ? state.nodes[id]?.position : this.positions.get(ref);
          return at ? [at] : [];
        });
      const anchor = neighbours.length > 0 ? { x: mean(neighbours.map((at) => at.x)), y: mean(neighbours.map((at) => at.y)) } : this.freeCentre();
      const [spot] = placeAround(anchor, 1, occupied());
      this.positions.set(node.ref, spot ?? anchor);
    }
    const elements: ElementDefinition[] = [];
    for (const node of graph.nodes) {
      if (!wanted.has(node.ref)) continue;
      const style = labelStyle(node.label);
      // (A node of the graph not on the canvas yet is drawn dotted: it is not new, only brought.)
      const classes = node.existingId ? `${PROPOSED} ${PROPOSED_EXISTING}` : PROPOSED;
      elements.push({ group: 'nodes', data: { id: nodeId(node.ref), name: node.name, label: node.label, color: style.color, shape: style.shape, proposed: true }, position: { ...this.positions.get(node.ref)! }, classes, selectable: false, grabbable: false });
    }
    const marked: string[] = [];
    for (const edge of graph.edges) {
      if (edge.existingId && state.edges[edge.existingId]) {
        marked.push(edge.existingId);
        continue;
      }
      const source = canvasId(edge.from) ?? nodeId(edge.from);
      const target = canvasId(edge.to) ?? nodeId(edge.to);
      // (New evidence for a relationship not drawn yet: dotted, as the one it adds to.)
      elements.push({ group: 'edges', data: { id: `proposed-edge:${edge.index}`, source, target, type: edge.type, color: '#7c3aed', proposed: true }, classes: edge.existingId ? `${PROPOSED} ${PROPOSED_EVIDENCE}` : PROPOSED, selectable: false });
    }
    this.cy.batch(() => {
      this.cy.elements(`.${PROPOSED}`).remove();
      this.cy.elements(`.${PROPOSED_EVIDENCE}`).removeClass(PROPOSED_EVIDENCE);
      this.cy.add(elements);
      // (The relationships of the graph the article adds evidence to, drawn already: marked.)
      for (const id of marked) this.cy.getElementById(id).addClass(PROPOSED_EVIDENCE);
    });
    this.reveal();
  }

  /** Where the proposed nodes stand, by their ref (the real ones take these places after the commit). */
  placed(): Record<string, Position> {
    return Object.fromEntries(this.positions);
  }

  clear(): void {
    this.positions.clear();
    this.cy.batch(() => {
      this.cy.elements(`.${PROPOSED}`).remove();
      this.cy.elements(`.${PROPOSED_EVIDENCE}`).removeClass(PROPOSED_EVIDENCE);
    });
  }
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
