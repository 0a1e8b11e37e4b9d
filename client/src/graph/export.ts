/** Export of the view: PNG and SVG of the whole canvas, JSON of what is on it. */
import type { Core } from 'cytoscape';
import type { ViewState } from '../state';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `bg`: the canvas's background as the page shows it (light or dark). */
export function exportPng(cy: Core, bg = '#ffffff'): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg, maxWidth: 8000, maxHeight: 8000 }) as unknown as Blob;
}

export function exportSvg(cy: Core, bg = '#ffffff'): Blob {
  const text = (cy as unknown as { svg(options: object): string }).svg({ full: true, scale: 1, bg });
  return new Blob([text], { type: 'image/svg+xml' });
}

/** The view as JSON: nodes with labels, properties and positions; relationships; filters and layout. */
export function exportJson(state: ViewState): Blob {
  const document = {
    format: 'fingraph-view',
    version: 1,
    exportedAt: new Date().toISOString(),
    layout: state.layout,
    filters: state.filters,
    nodes: Object.values(state.nodes).map((node) => ({ ...node.data, position: node.position, pinned: node.pinned, hidden: node.hidden })),
    relationships: Object.values(state.edges),
  };
  return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
}
