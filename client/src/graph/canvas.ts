/** The Cytoscape canvas and its style: colour and shape by label, type names on edges. */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

cytoscape.use(fcose);
cytoscape.use(svg);

/** `textureOnViewport: false` gives stock Cytoscape (the canvas bench compares both). */
export function createCanvas(container: HTMLElement, { textureOnViewport = true } = {}): Core {
  return cytoscape({
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
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          shape: 'data(shape)' as never,
          label: 'data(name)',
          'font-size': 11,
          color: '#1f2933',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          'text-background-color': '#f8fafc',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
          'min-zoomed-font-size': 7,
          width: 28,
          height: 28,
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9aa5b1',
          'target-arrow-color': '#9aa5b1',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 8,
          color: '#52606d',
          'text-rotation': 'autorotate',
          'text-background-color': '#f8fafc',
          'text-background-opacity': 0.8,
          'min-zoomed-font-size': 6,
        },
      },
      { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#111827' } },
      { selector: 'node.loading', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#2563eb' } },
      // Selected: a blue halo and border; pinned (above): a black double border. Both can show at once.
      { selector: 'node:selected', style: { 'underlay-color': '#2563eb', 'underlay-padding': 8, 'underlay-opacity': 0.45, 'underlay-shape': 'ellipse', 'border-width': 3, 'border-color': '#1d4ed8' } as never },
      { selector: 'node.pinned:selected', style: { 'border-style': 'double', 'border-width': 4 } },
      { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#111827', 'target-arrow-color': '#111827' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node.highlighted', style: { 'border-width': 4, 'border-color': '#f97316', opacity: 1 } },
      { selector: 'edge.highlighted', style: { width: 4, 'line-color': '#f97316', 'target-arrow-color': '#f97316', opacity: 1 } },
      { selector: '.filtered', style: { display: 'none' } },
    ],
  });
}
