/**
 * Hover: the node under the pointer lights up its closed neighbourhood (with the type names of its
 * relationships) and the rest of the canvas fades; a tooltip shows its full name and label, which
 * the canvas cuts at 140 px. A relationship under the pointer shows its type name.
 *
 * This is derived view state: classes on the canvas only, never in the view state, the undo
 * history or the URL. Moving from one node to the next changes only the elements whose part
 * changes (the two neighbourhoods), and a first hover fades only what is in the view; nothing changes while a button is held
 * (dragging a node, panning, a box selection).
 */
import type { Collection, Core, EventObject, NodeSingular } from 'cytoscape';

export const HOVER_LIT = 'hover-lit';
export const HOVER_FADED = 'hover-faded';
export const HOVER_EDGE = 'hover-edge';

/** How long after leaving a node the fading stays, waiting for the pointer to reach another. */
const LINGER_MS = 80;

export interface HoverOptions {
  /** The tooltip element (filled with text only; positioned by this module). */
  tooltip?: HTMLElement;
  /** What the tooltip says under the name (the node's label). */
  caption?: (node: NodeSingular) => string;
}

export function attachHover(cy: Core, options: HoverOptions = {}): { clear(): void } {
  const { tooltip, caption = (node) => String(node.data('label') ?? '') } = options;
  /** The lit neighbourhood; everything else on the canvas is faded while it is non-empty. */
  let lit: Collection = cy.collection();
  let clearTimer = 0;

  /**
   * What is in the view (nodes within the extent, and their relationships): only these fade, so
   * that a hover restyles the hundred elements one sees, not the thousands off screen (restyling
   * 3,000 took 130–500 ms a frame under software rendering). A pan or zoom ends the hover.
   */
  const onScreen = (): Collection => {
    const { x1, y1, x2, y2 } = cy.extent();
    const margin = 40;
    const nodes = cy.nodes().filter((node) => {
      const { x, y } = node.position();
      return x >= x1 - margin && x <= x2 + margin && y >= y1 - margin && y <= y2 + margin;
    });
    return nodes.union(nodes.connectedEdges());
  };

  const held = (event: EventObject): boolean => ((event.originalEvent as MouseEvent | undefined)?.buttons ?? 0) !== 0;

  const light = (node: NodeSingular): void => {
    window.clearTimeout(clearTimer);
    const next = node.closedNeighborhood();
    cy.batch(() => {
      if (lit.empty()) {
        onScreen().difference(next).addClass(HOVER_FADED);
        next.addClass(HOVER_LIT);
      } else {
        // From one neighbourhood to the next: only the elements that change sides.
        const leaving = lit.difference(next);
        const coming = next.difference(lit);
        leaving.removeClass(HOVER_LIT).addClass(HOVER_FADED);
        coming.removeClass(HOVER_FADED).addClass(HOVER_LIT);
      }
    });
    lit = next;
  };

  const clear = (): void => {
    window.clearTimeout(clearTimer);
    hideTooltip();
    if (lit.empty()) return;
    lit = cy.collection();
    cy.batch(() => cy.elements(`.${HOVER_FADED}, .${HOVER_LIT}`).removeClass(`${HOVER_FADED} ${HOVER_LIT}`));
  };

  const showTooltip = (node: NodeSingular, event: EventObject): void => {
    if (!tooltip) return;
    const name = tooltip.querySelector('.tooltip-name') ?? tooltip.appendChild(document.createElement('strong'));
    name.className = 'tooltip-name';
    name.textContent = String(node.data('name') ?? '');
    const label = tooltip.querySelector('.tooltip-label') ?? tooltip.appendChild(document.createElement('span'));
    label.className = 'tooltip-label';
    label.textContent = caption(node);
    moveTooltip(event);
    tooltip.hidden = false;
  };
  const moveTooltip = (event: EventObject): void => {
    if (!tooltip) return;
    const mouse = event.originalEvent as MouseEvent | undefined;
    const rect = cy.container()!.getBoundingClientRect();
    const x = mouse?.clientX ?? rect.left + event.renderedPosition.x;
    const y = mouse?.clientY ?? rect.top + event.renderedPosition.y;
    tooltip.style.left = `${Math.min(x + 14, window.innerWidth - 20)}px`;
    tooltip.style.top = `${y + 16}px`;
  };
  const hideTooltip = (): void => {
    if (tooltip) tooltip.hidden = true;
  };

  cy.on('mouseover', 'node', (event) => {
    if (held(event)) return;
    const node = event.target as NodeSingular;
    light(node);
    showTooltip(node, event);
  });
  cy.on('mousemove', 'node', (event) => moveTooltip(event));
  cy.on('mouseout', 'node', () => {
    hideTooltip();
    window.clearTimeout(clearTimer);
    clearTimer = window.setTimeout(clear, LINGER_MS);
  });
  cy.on('mouseover', 'edge', (event) => {
    if (!held(event)) (event.target as Collection).addClass(HOVER_EDGE);
  });
  cy.on('mouseout', 'edge', (event) => (event.target as Collection).removeClass(HOVER_EDGE));
  // A press (drag, pan, box selection) or a node leaving the canvas ends the hover at once.
  cy.on('tapstart', (event) => {
    if (event.target === cy) clear();
    else hideTooltip();
  });
  cy.on('viewport', () => clear());
  // Leaving the canvas over a node gives no mouseout from Cytoscape.
  cy.container()?.addEventListener('mouseleave', () => clear());
  cy.on('remove', (event) => {
    if (lit.contains(event.target as Collection)) clear();
  });
  // New elements while a neighbourhood is lit (an expansion): they fade with the rest, or the
  // hovered node's new neighbours join it at the next hover.
  cy.on('add', (event) => {
    if (!lit.empty()) (event.target as Collection).addClass(HOVER_FADED);
  });
  return { clear };
}
