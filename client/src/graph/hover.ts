/**
 * Hover: the node under the pointer lights up its closed neighbourhood (with the type names of its
 * relationships) and the rest of the canvas fades; a tooltip shows its full name and label, which
 * the canvas cuts at 140 px. A relationship under the pointer shows its type name.
 *
 * The canvas itself is never restyled for it. Over the canvas lies a hover layer: a veil in the
 * canvas's colour that fades everything under it at once (one element, drawn by the compositor), and
 * above the veil a second, small Cytoscape that draws copies of the lit neighbourhood only, at the
 * same pan and zoom. Restyling the faded elements (hundreds) and redrawing the whole canvas took
 * 30–100 ms a hover under software rendering; drawing a dozen copies takes a few. The layer takes
 * no pointer events: the canvas below gets them all.
 *
 * This is derived view state: never in the view state, the undo history or the URL. Nothing
 * changes while a button is held (dragging a node, panning, a box selection); a pan or zoom ends
 * the hover.
 */
import cytoscape, { type Collection, type Core, type EdgeSingular, type ElementDefinition, type EventObject, type NodeSingular, type StylesheetJson } from 'cytoscape';

/** The class the copies of the lit neighbourhood carry (the style sheet names their relationships). */
export const HOVER_LIT = 'hover-lit';
export const HOVER_EDGE = 'hover-edge';

/** How long after leaving a node the fading stays, waiting for the pointer to reach another. */
const LINGER_MS = 80;

export interface HoverOptions {
  /** The tooltip element (filled with text only; positioned by this module). */
  tooltip?: HTMLElement;
  /** What the tooltip says under the name (the node's label). */
  caption?: (node: NodeSingular) => string;
}

export interface Hover {
  clear(): void;
  /** The ids of the lit neighbourhood (empty: no hover). */
  lit(): string[];
  /** The Cytoscape that draws the lit copies (what tests read its style from). */
  readonly overlay: Core;
}

export function attachHover(cy: Core, options: HoverOptions = {}): Hover {
  const { tooltip, caption = (node) => String(node.data('label') ?? '') } = options;
  const container = cy.container()!;
  const layer = document.createElement('div');
  layer.className = 'hover-layer';
  layer.hidden = true;
  layer.setAttribute('aria-hidden', 'true');
  layer.dataset.testid = 'hover-layer';
  const veil = document.createElement('div');
  veil.className = 'hover-veil';
  const stage = document.createElement('div');
  stage.className = 'hover-stage';
  layer.append(veil, stage);
  container.append(layer);
  // Inline geometry (set through the CSSOM): the bench page has no style sheet for it.
  for (const element of [layer, veil, stage]) Object.assign(element.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
  layer.style.zIndex = '5';
  if (!veil.style.background) veil.style.background = 'var(--hover-veil, rgb(248 250 252 / 0.86))';

  const sheet = (): StylesheetJson => (cy.style() as unknown as { json(): StylesheetJson }).json();
  const overlay = cytoscape({
    container: stage,
    style: sheet(),
    userPanningEnabled: false,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    minZoom: cy.minZoom(),
    maxZoom: cy.maxZoom(),
  });
  let overlayStyle: unknown = cy.style();

  /** The lit neighbourhood in the canvas; everything else is under the veil while it is non-empty. */
  let lit: Collection = cy.collection();
  let hovered: NodeSingular | null = null;
  let clearTimer = 0;

  const held = (event: EventObject): boolean => ((event.originalEvent as MouseEvent | undefined)?.buttons ?? 0) !== 0;

  const copies = (elements: Collection): ElementDefinition[] =>
    elements.map((element) => ({
      group: element.isNode() ? 'nodes' : 'edges',
      data: { ...element.data() },
      position: element.isNode() ? { ...(element as NodeSingular).position() } : undefined,
      classes: `${element.classes().join(' ')} ${HOVER_LIT}`,
      selected: element.selected(),
    }));

  /** Draws copies of `node`'s visible neighbourhood over the veil (again when `force`: it changed under the hover). */
  const light = (node: NodeSingular, force = false): void => {
    window.clearTimeout(clearTimer);
    const nodes = node.closedNeighborhood().nodes().filter((each) => each.visible());
    const next = nodes.union(node.connectedEdges().filter((edge) => nodes.contains(edge.source()) && nodes.contains(edge.target())));
    if (!force && lit.same(next)) return;
    hovered = node;
    lit = next;
    // The canvas's style sheet changes with the theme: the copies follow it.
    if (overlayStyle !== cy.style()) {
      overlayStyle = cy.style();
      overlay.style(sheet());
    }
    overlay.batch(() => {
      overlay.elements().remove();
      overlay.add(copies(next));
    });
    if (layer.hidden) {
      layer.hidden = false;
      overlay.resize();
    }
    overlay.viewport({ zoom: cy.zoom(), pan: { ...cy.pan() } });
    // On the layer, not the canvas's container: Cytoscape resizes (and redraws everything) when an attribute of its container changes.
    layer.dataset.node = node.id();
  };

  const clear = (): void => {
    window.clearTimeout(clearTimer);
    hideTooltip();
    if (lit.empty()) return;
    lit = cy.collection();
    hovered = null;
    layer.hidden = true;
    overlay.elements().remove();
    delete layer.dataset.node;
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
    const rect = container.getBoundingClientRect();
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
    if (!held(event) && lit.empty()) (event.target as Collection).addClass(HOVER_EDGE);
  });
  // (Cytoscape restyles, and redraws, on removeClass even when the class is not there.)
  cy.on('mouseout', 'edge', (event) => {
    const edge = event.target as EdgeSingular;
    if (edge.hasClass(HOVER_EDGE)) edge.removeClass(HOVER_EDGE);
  });
  // A press (drag, pan, box selection) or a node leaving the canvas ends the hover at once.
  cy.on('tapstart', (event) => {
    if (event.target === cy) clear();
    else hideTooltip();
  });
  cy.on('viewport', () => clear());
  // Leaving the canvas over a node gives no mouseout from Cytoscape.
  container.addEventListener('mouseleave', () => clear());
  // What is drawn changed under a lit neighbourhood: gone, it ends the hover; restyled (a rule,
  // a selection, a pin, a filter), its copies are drawn again, once per batch of changes.
  let refreshing = 0;
  cy.on('remove', (event) => {
    if (!lit.empty() && lit.contains(event.target as Collection)) clear();
  });
  cy.on('data select unselect style', (event) => {
    if (lit.empty() || refreshing || !lit.contains(event.target as Collection)) return;
    refreshing = requestAnimationFrame(() => {
      refreshing = 0;
      if (hovered && !lit.empty()) light(hovered, true);
    });
  });
  return { clear, lit: () => lit.map((element) => element.id()), overlay };
}
