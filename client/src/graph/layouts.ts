/**
 * Layouts: fcose (force-directed, incremental: it starts from where nodes are) by default, and
 * concentric, breadth-first and grid. Pinned nodes keep their place. Resolves with every node's
 * new position, which the caller writes into the state.
 */
import type { Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutName, Position } from '../state';
import { withSeededRandom } from './seeded-random';

/**
 * The seed of fcose's random start: the same data is laid out the same way in every session (a
 * start view, a shared link without positions), and the user's own re-layouts start from where nodes are.
 */
const LAYOUT_SEED = 15;

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force (fcose)',
  concentric: 'Concentric',
  breadthfirst: 'Breadth-first',
  grid: 'Grid',
};

export interface LayoutRun {
  /** Only these nodes move (all visible nodes when omitted). */
  nodes?: NodeCollection;
  /** Start from random positions rather than the current ones (fcose; the randomness is seeded, see LAYOUT_SEED). */
  randomize?: boolean;
  fit?: boolean;
  pinned?: ReadonlySet<string>;
  /** Roots for breadth-first (the selection, say). */
  roots?: NodeCollection;
  /**
   * Concentric and breadth-first keep inside this box (model coordinates): the part of the canvas
   * clear of the panels, as large as it is at a readable zoom, so that the layout is framed without
   * shrinking its labels away.
   */
  within?: { x1: number; y1: number; w: number; h: number };
}

function options(name: LayoutName, run: LayoutRun, nodes: NodeCollection): LayoutOptions {
  const common = { animate: false, fit: run.fit ?? true, padding: 40, nodeDimensionsIncludeLabels: true };
  switch (name) {
    case 'fcose': {
      const fixed = nodes.filter((node) => run.pinned?.has(node.id()) ?? false).map((node) => ({ nodeId: node.id(), position: { ...(node as NodeSingular).position() } }));
      return {
        name: 'fcose',
        ...common,
        quality: nodes.length > 1500 ? 'draft' : 'default',
        randomize: run.randomize ?? false,
        packComponents: true,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 90,
        nodeSeparation: 80,
        numIter: nodes.length > 1500 ? 1000 : 2500,
        fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
      } as unknown as LayoutOptions;
    }
    case 'concentric': {
      // At most five rings, by degree; within a box, the rings are drawn closer rather than outside it.
      const ringWidth = Math.max(1, nodes.maxDegree(false) / 5);
      const within = run.within ? { boundingBox: run.within, avoidOverlap: false } : {};
      return { name: 'concentric', ...common, ...within, minNodeSpacing: 30, concentric: (node: { degree(includeLoops: boolean): number }) => node.degree(false), levelWidth: () => ringWidth } as unknown as LayoutOptions;
    }
    case 'breadthfirst': {
      const roots = run.roots && run.roots.nonempty() ? run.roots : nodes.max((node) => node.degree(false)).ele;
      const within = run.within ? { boundingBox: run.within, avoidOverlap: false, spacingFactor: 1 } : { spacingFactor: 1.1 };
      return { name: 'breadthfirst', ...common, directed: false, ...within, roots } as unknown as LayoutOptions;
    }
    case 'grid': {
      if (!run.within) return { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 20 } as LayoutOptions;
      // Within a box: as many columns as cells as wide as the widest node with its label fit across, rows below.
      const cell = Math.max(1, ...nodes.map((node) => node.boundingBox({ includeLabels: true }).w)) + 20;
      const cols = Math.max(1, Math.min(nodes.length, Math.floor(run.within.w / cell)));
      return { name: 'grid', ...common, boundingBox: run.within, cols, avoidOverlap: true, avoidOverlapPadding: 20 } as LayoutOptions;
    }
  }
}

export function runLayout(cy: Core, name: LayoutName, run: LayoutRun = {}): Promise<Record<string, Position>> {
  const nodes = run.nodes ?? cy.nodes(':visible');
  const pinnedBefore = new Map<string, Position>();
  cy.nodes().forEach((node) => {
    if (run.pinned?.has(node.id())) pinnedBefore.set(node.id(), { ...node.position() });
  });
  if (nodes.empty()) return Promise.resolve({});
  return new Promise((resolve) => {
    const layout = nodes.union(nodes.connectedEdges()).layout(options(name, run, nodes));
    layout.one('layoutstop', () => {
      for (const [id, position] of pinnedBefore) cy.getElementById(id).position(position);
      const positions: Record<string, Position> = {};
      nodes.forEach((node) => {
        positions[node.id()] = { ...node.position() };
      });
      resolve(positions);
    });
    // With animation off the layout runs inside run(): the seeded random covers all of it.
    withSeededRandom(LAYOUT_SEED, () => layout.run());
  });
}
