/**
 * Hover: the node under the pointer lights up its closed neighbourhood (with the type names of its
 * relationships) and the rest of the canvas fades; a tooltip shows its full name and label, which
 * the canvas cuts at 140 px. A relationship under the pointer shows its type name.
 *
 * The canvas itself is never restyled for it: restyling one element of it makes Cytoscape redraw
 * the whole canvas and rebuild its cached layer of every element (30–150 ms a hover on a 1,000-node
 * view under software rendering). Over the canvas lies a hover layer: a veil in the canvas's colour
 * that fades everything under it at once (one element, drawn by the compositor), and above the veil
 * a second, small Cytoscape that draws copies of what is lit only, at the same pan and zoom: the
 * lit neighbourhood of a node, or a hovered relationship (over invisible copies of its ends, which
 * place it, and no veil). Moving from node to node, the copies both neighbourhoods share stay and
 * only the difference is added or removed. The layer takes no pointer events: the canvas below
 * gets them all. Between hovers it stays laid out, only invisible, so that its canvases keep their
 * size (showing a layer hidden with `display: none` made Cytoscape reallocate them every time).
 *
 * This is derived view state: never in the view state, the undo history or the URL. Nothing
 * changes while a button is held (dragging a node, panning, a box selection); a pan or zoom ends
 * the hover.
 */
import cytoscape, { type Collection, type Core, type EdgeSingular, type ElementDefinition, type EventObject, type NodeSingular, type SingularElementArgument, type StylesheetJson } from 'cytoscape';
import { hideBlankLayers } from './blank-layers';

/** The class the copies of the lit neighbourhood carry (the style sheet names their relationships). */
export const HOVER_LIT = 'hover-lit';
/** The class of the copy of a hovered relationship (drawn wider and named). */
export const HOVER_EDGE = 'hover-edge';
/** The class of the invisible copies of a hovered relationship's ends (they place it). */
const HOVER_END = 'hover-end';

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
  /** Whether the layer's first appearance has been done unseen (see warmUp). */
  warmed(): boolean;
}

/** What the hover layer draws: each element to copy, with the class its copy carries. */
type Drawn = Map<string, { element: SingularElementArgument; role: string }>;

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
  veil.hidden = true;
  const stage = document.createElement('div');
  stage.className = 'hover-stage';
  layer.append(veil, stage);
  container.append(layer);
  // Inline geometry (set through the CSSOM): the bench page has no style sheet for it.
  for (const element of [layer, veil, stage]) Object.assign(element.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
  // Hidden, the layer keeps its box (see above): `display` is set so that `hidden` does not take it away.
  Object.assign(layer.style, { zIndex: '5', display: 'block', visibility: 'hidden' });
  if (!veil.style.background) veil.style.background = 'var(--hover-veil, rgb(248 250 252 / 0.86))';

  /** The canvas's style sheet, and the ends of a hovered relationship drawn by their copies invisibly. */
  const sheet = (): StylesheetJson => [...(cy.style() as unknown as { json(): StylesheetJson }).json(), { selector: `node.${HOVER_END}`, style: { opacity: 0, label: '' } }];
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
  // Of its three canvases only the elements' is ever drawn on; blank, none is composited (blank-layers.ts).
  hideBlankLayers(overlay);
  let overlayStyle: unknown = cy.style();

  /** The lit neighbourhood in the canvas; everything else is under the veil while it is non-empty. */
  let lit: Collection = cy.collection();
  let hovered: NodeSingular | null = null;
  /** The relationship hovered on its own (no node lit), drawn wider and named. */
  let hoveredEdge: EdgeSingular | null = null;
  let clearTimer = 0;

  const held = (event: EventObject): boolean => ((event.originalEvent as MouseEvent | undefined)?.buttons ?? 0) !== 0;

  const copy = (element: SingularElementArgument, role: string): ElementDefinition => ({
    group: element.isNode() ? 'nodes' : 'edges',
    data: { ...element.data() },
    position: element.isNode() ? { ...(element as NodeSingular).position() } : undefined,
    classes: `${element.classes().join(' ')} ${role}`,
    selected: element.selected(),
  });

  /**
   * Makes the hover layer draw `drawn` (nothing: the layer hides). Copies already drawn in the same
   * role stay; `fresh` copies everything again (the canvas changed under the hover).
   */
  /** While the layer is warmed up (see warmUp): drawn, but not shown. */
  let warming = false;
  const draw = (drawn: Drawn, fresh: boolean): void => {
    warming = false;
    // The canvas's style sheet changes with the theme: the copies follow it.
    if (overlayStyle !== cy.style()) {
      overlayStyle = cy.style();
      overlay.style(sheet());
    }
    overlay.batch(() => {
      const stale = overlay.elements().filter((element) => fresh || !element.hasClass(drawn.get(element.id())?.role ?? ' '));
      stale.remove();
      const added: ElementDefinition[] = [];
      for (const { element, role } of drawn.values()) if (overlay.getElementById(element.id()).empty()) added.push(copy(element, role));
      // Nodes first: a relationship's copy needs its ends.
      added.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
      overlay.add(added);
    });
    if (drawn.size > 0) {
      const pan = cy.pan();
      const at = overlay.pan();
      if (overlay.zoom() !== cy.zoom() || at.x !== pan.x || at.y !== pan.y) overlay.viewport({ zoom: cy.zoom(), pan: { ...pan } });
    }
    layer.hidden = drawn.size === 0;
    layer.style.visibility = layer.hidden ? 'hidden' : 'visible';
  };

  /** Draws copies of `node`'s visible neighbourhood over the veil (again when `force`: it changed under the hover). */
  const light = (node: NodeSingular, force = false): void => {
    window.clearTimeout(clearTimer);
    const nodes = node.closedNeighborhood().nodes().filter((each) => each.visible());
    const next = nodes.union(node.connectedEdges().filter((edge) => nodes.contains(edge.source()) && nodes.contains(edge.target())));
    if (!force && lit.same(next)) return;
    hovered = node;
    hoveredEdge = null;
    lit = next;
    draw(new Map(next.map((element) => [element.id(), { element, role: HOVER_LIT }])), force);
    veil.hidden = false;
    // On the layer, not the canvas's container: Cytoscape resizes (and redraws everything) when an attribute of its container changes.
    layer.dataset.node = node.id();
  };

  /** Draws a wider, named copy of `edge` (no veil: nothing fades for a relationship). */
  const lightEdge = (edge: EdgeSingular, force = false): void => {
    hoveredEdge = edge;
    const drawn: Drawn = new Map([[edge.id(), { element: edge, role: HOVER_EDGE }]]);
    for (const end of [edge.source(), edge.target()]) drawn.set(end.id(), { element: end, role: HOVER_END });
    draw(drawn, force);
  };

  const clearEdge = (): void => {
    if (!hoveredEdge) return;
    hoveredEdge = null;
    if (lit.empty()) draw(new Map(), false);
  };

  const clear = (): void => {
    window.clearTimeout(clearTimer);
    hideTooltip();
    hoveredEdge = null;
    if (lit.empty() && overlay.elements().empty()) return;
    lit = cy.collection();
    hovered = null;
    veil.hidden = true;
    draw(new Map(), false);
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
    if (!held(event) && lit.empty()) lightEdge(event.target as EdgeSingular);
  });
  cy.on('mouseout', 'edge', (event) => {
    if (hoveredEdge === event.target) clearEdge();
  });
  // A press (drag, pan, box selection) or a node leaving the canvas ends the hover at once.
  cy.on('tapstart', (event) => {
    if (event.target === cy) clear();
    else hideTooltip();
  });
  cy.on('viewport', () => clear());
  // Leaving the canvas over a node gives no mouseout from Cytoscape.
  container.addEventListener('mouseleave', () => clear());
  // What is drawn changed under the hover: gone, it ends the hover; restyled (a rule, a selection,
  // a pin, a filter), its copies are drawn again, once per batch of changes.
  let refreshing = 0;
  const under = (target: Collection): boolean => (!lit.empty() && lit.contains(target)) || (hoveredEdge !== null && overlay.getElementById((target as unknown as SingularElementArgument).id()).nonempty());
  cy.on('remove', (event) => {
    if (under(event.target as Collection)) clear();
  });
  cy.on('data select unselect style', (event) => {
    if (refreshing || !under(event.target as Collection)) return;
    refreshing = requestAnimationFrame(() => {
      refreshing = 0;
      if (hovered && !lit.empty()) light(hovered, true);
      else if (hoveredEdge) lightEdge(hoveredEdge, true);
    });
  });
  /**
   * The layer's first appearance, done unseen once the canvas has drawn its first nodes, when the
   * page is idle: the first two hovers took 20–28 ms of CPU (traced) against 6–9 ms for the next,
   * for Cytoscape's first drawing of copies (its element textures, code not yet compiled) and for
   * the compositor's buffers of the layer's canvas (allocated at its first two frames shown, 5–7 ms
   * each). Copies of a neighbourhood are drawn with the layer hidden, then the layer is shown for
   * two frames holding nothing but a transparent pixel.
   */
  let warmed = false;
  const warmUp = (): void => {
    const node = cy.nodes().filter((each) => each.visible() && each.degree(false) > 0)[0];
    if (!node || !lit.empty() || hoveredEdge || overlay.elements().nonempty()) return;
    const nodes = node.closedNeighborhood().nodes();
    const drawn: Drawn = new Map(nodes.union(node.connectedEdges()).map((element) => [element.id(), { element, role: HOVER_LIT }]));
    draw(drawn, true);
    warming = true;
    layer.hidden = true;
    layer.style.visibility = 'hidden';
    overlay.one('render', () => {
      if (!warming) return;
      draw(new Map(), false);
      warming = true;
      const context = (stage.querySelector('canvas[data-id$="-node"]') as HTMLCanvasElement | null)?.getContext('2d');
      let frames = 2;
      const frame = (): void => {
        if (!warming) return;
        if (frames === 0) {
          warming = false;
          warmed = true;
          layer.style.visibility = 'hidden';
          return;
        }
        frames -= 1;
        // A transparent pixel put on it (put, not painted: a transparent paint is skipped as a no-op):
        // the canvas has changed, and is handed to the compositor.
        if (context) context.putImageData(context.createImageData(1, 1), 0, 0);
        layer.style.visibility = 'visible';
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  };
  const idle = (callback: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
    else setTimeout(callback, 200);
  };
  const warmWhenDrawn = (): void => {
    if (cy.nodes().empty()) cy.one('add', () => cy.one('render', () => idle(warmUp)));
    else cy.one('render', () => idle(warmUp));
  };
  warmWhenDrawn();
  return { clear, lit: () => lit.map((element) => element.id()), overlay, warmed: () => warmed };
}
