/**
 * The canvas under the mouse: a click inspects a node or relationship (and reads ahead what a
 * double-click would expand), a click on the background clears the inspector and the highlight, a
 * double-click expands, a right-click opens the menu; the inspector follows the selection.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Explorer } from '../explorer';
import type { Inspector } from '../inspector';
import type { CanvasMenus } from '../menu/canvas-menus';

export function attachCanvasPointer(cy: Core, explorer: Explorer, inspector: Inspector, menus: CanvasMenus): void {
  // Cytoscape calls any two clicks within its debounce time a double-click, on whatever they hit: a
  // double-click counts only when both clicks are on the same node (the taps before it, by target).
  const taps: unknown[] = [];
  cy.on('tap', (event) => {
    taps.push(event.target);
    if (taps.length > 2) taps.shift();
  });
  cy.on('tap', 'node', (event) => {
    const id = (event.target as NodeSingular).id();
    // It may be the first click of a double-click: the neighbours it would expand are read now.
    explorer.readAhead(id);
    void inspector.showNode(id);
  });
  cy.on('tap', 'edge', (event) => void inspector.showEdge((event.target as EdgeSingular).id()));
  cy.on('tap', (event) => {
    if (event.target === cy) {
      inspector.clear();
      explorer.clearHighlight();
    }
  });
  cy.on('dbltap', 'node', (event) => {
    if (taps.length === 2 && taps[0] !== taps[1]) return;
    void explorer.expand((event.target as NodeSingular).id());
  });
  // The inspector shows the selection the keys act on: one node, or several (Shift/Ctrl/Cmd + click,
  // Shift + drag). A box selection selects many at once: one redraw after the last of its events.
  let selectionTimer = 0;
  cy.on('select unselect', 'node', () => {
    clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      const selected = cy.nodes(':selected').map((node) => node.id());
      if (selected.length > 1) inspector.showSelection(selected);
      else if (selected.length === 1) void inspector.showNode(selected[0]!);
    }, 0);
  });
  cy.on('cxttap', 'node', (event) => {
    const original = event.originalEvent as MouseEvent;
    menus.openNode((event.target as NodeSingular).id(), original.clientX, original.clientY);
  });
  cy.on('cxttap', 'edge', (event) => {
    const edge = event.target as EdgeSingular;
    const original = event.originalEvent as MouseEvent;
    menus.openEdge(edge.id(), edge.data('type') as string, original.clientX, original.clientY);
  });
}
