/** The Cytoscape canvas and its style: colour and shape by label, colour and name by relationship type, light or dark. */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { hideBlankLayers } from './blank-layers';
import { cullCheaply } from './cull';
import { indexHitTest } from './hit-index';

cytoscape.use(fcose);
cytoscape.use(svg);

/** The colours of the canvas that follow the page's theme (the rest come from the data: labels, types). */
export interface CanvasTheme {
  text: string;
  textBackground: string;
  border: string;
  pinned: string;
  selected: string;
  selectedEdge: string;
  /** The ring round the node that has the keyboard's focus. */
  focus: string;
}

export const CANVAS_THEMES: Record<'light' | 'dark', CanvasTheme> = {
  light: { text: '#1f2933', textBackground: '#f8fafc', border: '#ffffff', pinned: '#111827', selected: '#1d4ed8', selectedEdge: '#111827', focus: '#7c3aed' },
  dark: { text: '#e4e7eb', textBackground: '#0f172a', border: '#0f172a', pinned: '#f8fafc', selected: '#60a5fa', selectedEdge: '#f8fafc', focus: '#c4b5fd' },
};

/** Node labels: 12 px at zoom 1, not drawn below 7 px on screen (zoom 7/12). */
export const NODE_FONT_SIZE = 12;
export const NODE_LABEL_MIN_ZOOMED = 7;
/**
 * The least zoom at which the camera frames a path, a layout or the start view: a little above the
 * zoom at which node labels stop being drawn. Below it the camera pans instead of shrinking (only
 * Fit, asked for, shows a large graph whole, labels or not).
 */
export const READABLE_ZOOM = Math.ceil((NODE_LABEL_MIN_ZOOMED / NODE_FONT_SIZE) * 1.2 * 100) / 100;

/** Edge labels are drawn from this size on screen: 11 px labels appear from zoom 1.2 on. */
export const EDGE_LABEL_MIN_ZOOMED = 13;

/**
 * The style sheet. Hover classes (`hover-lit` on the hover layer's copies, `hover-edge`) are set by hover.ts and never by the
 * state; `faded`/`highlighted` show the state's highlighted path.
 */
export function canvasStyle(theme: CanvasTheme): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)' as never,
        label: 'data(name)',
        'font-size': NODE_FONT_SIZE,
        color: theme.text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': theme.textBackground,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': NODE_LABEL_MIN_ZOOMED,
        width: 28,
        height: 28,
        'border-width': 1,
        'border-color': theme.border,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 11,
        color: theme.text,
        'text-rotation': 'autorotate',
        'text-background-color': theme.textBackground,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Zoomed out, type names on every edge are noise: they show from zoom 1.2, and on hover and selection (below).
        'min-zoomed-font-size': EDGE_LABEL_MIN_ZOOMED,
      },
    },
    // Styling rules (styling/looks.ts): a size or width in the data overrides the normal one.
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'edge[width]', style: { width: 'data(width)' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': theme.pinned } },
    { selector: 'node.loading', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#2563eb' } },
    // Selected: a blue halo and border; pinned (above): a double border. Both can show at once.
    { selector: 'node:selected', style: { 'underlay-color': '#2563eb', 'underlay-padding': 8, 'underlay-opacity': 0.45, 'underlay-shape': 'ellipse', 'border-width': 3, 'border-color': theme.selected } as never },
    { selector: 'node.pinned:selected', style: { 'border-style': 'double', 'border-width': 4 } },
    // The keyboard's focus (keyboard/index.ts): a ring outside the border, whatever else the node shows.
    { selector: 'node.keyboard-focus', style: { 'outline-width': 3, 'outline-color': theme.focus, 'outline-offset': 5, 'outline-style': 'solid', 'outline-opacity': 1 } as never },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': theme.selectedEdge, 'target-arrow-color': theme.selectedEdge, 'min-zoomed-font-size': 0 } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.highlighted', style: { 'border-width': 4, 'border-color': '#f97316', opacity: 1 } },
    // A found path names its relationships at any zoom: which types connect the ends is the answer.
    { selector: 'edge.highlighted', style: { width: 4, 'line-color': '#f97316', 'target-arrow-color': '#f97316', opacity: 1, 'min-zoomed-font-size': 0 } },
    // Hover (derived, see hover.ts): copies of the hovered node's closed neighbourhood, drawn over a veil that fades the rest.
    { selector: 'node.hover-lit', style: { opacity: 1, 'z-index': 10 } },
    { selector: 'edge.hover-lit', style: { opacity: 1, width: 2.5, 'min-zoomed-font-size': 0, 'z-index': 10 } },
    { selector: 'edge.hover-edge', style: { width: 2.5, 'min-zoomed-font-size': 0, 'z-index': 10 } },
    { selector: '.filtered', style: { display: 'none' } },
    // An article's accepted candidates, previewed (edit/article/preview.ts): dashed, faint, not clickable.
    { selector: '.proposed', style: { events: 'no', 'min-zoomed-font-size': 0 } as never },
    { selector: 'node.proposed', style: { 'background-opacity': 0.35, 'border-width': 3, 'border-style': 'dashed', 'border-color': '#7c3aed', 'font-style': 'italic' } },
    { selector: 'node.proposed-existing', style: { 'background-opacity': 0.8, 'border-style': 'dotted', 'border-color': '#64748b', 'font-style': 'normal' } },
    { selector: 'edge.proposed', style: { 'line-style': 'dashed', 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', width: 2.5 } },
    { selector: 'edge.proposed-evidence', style: { 'line-style': 'dotted', 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', width: 3.5, 'min-zoomed-font-size': 0 } },
  ];
}

/** `textureOnViewport: false` gives stock Cytoscape (the canvas bench compares both). */
export function createCanvas(container: HTMLElement, { textureOnViewport = true, theme = CANVAS_THEMES.light } = {}): Core {
  const cy = cytoscape({
    container,
    minZoom: 0.02,
    maxZoom: 4,
    // While the view is dragged or zoomed, Cytoscape moves a snapshot instead of redrawing every
    // element: what keeps 5,000-node views smooth under software rendering.
    textureOnViewport,
    motionBlur: false,
    // A click selects that element alone; Shift, Ctrl or Cmd + click adds to the selection, and
    // Shift + drag on the background selects a box (Cytoscape's own modifier handling).
    boxSelectionEnabled: true,
    selectionType: 'single',
    // Two clicks up to 400 ms apart are a double-click (Cytoscape's 250 ms is shorter than most
    // systems' setting, 500 ms, and than a slow or busy machine's clicks; main.ts asks the same node).
    multiClickDebounceTime: 400,
    style: canvasStyle(theme),
  });
  // What is under the pointer, found among the elements near it rather than all (hit-index.ts).
  indexHitTest(cy);
  // Off-view elements left out of element-by-element redraws without asking each its box again (cull.ts).
  cullCheaply(cy);
  // Its drag and box-selection layers, blank nearly always, out of the compositor while blank (blank-layers.ts).
  hideBlankLayers(cy);
  return cy;
}

/** Switches the canvas's colours (the page's theme changed). */
export function setCanvasTheme(cy: Core, theme: CanvasTheme): void {
  cy.style(canvasStyle(theme));
}
