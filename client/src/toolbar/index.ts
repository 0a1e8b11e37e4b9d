/**
 * The toolbar over the canvas: undo and redo, fit and zoom, the layout and its re-run, the start
 * view, clear, share and export; the row never loses a control (what does not fit goes into
 * "More ⋯", layout/overflow.ts). `update` shows the history and the layout of each new state.
 */
import type { Core } from 'cytoscape';
import type { Explorer } from '../explorer';
import { download, exportJson, exportPng, exportSvg, LAYOUT_LABELS } from '../graph';
import { attachOverflow } from '../layout';
import { LAYOUTS, type History, type LayoutName, type ViewState } from '../state';
import { canvasBackground } from '../theme';
import { byId, h } from '../ui/dom';
import { errorToast } from '../ui/toast';

export interface ToolbarActions {
  startView(): void;
  share(): void;
}

export interface Toolbar {
  update(state: ViewState, history: History): void;
}

/** How much one press of + or − zooms. */
const ZOOM_STEP = 1.25;

export function attachToolbar(cy: Core, explorer: Explorer, actions: ToolbarActions): Toolbar {
  const layout = byId<HTMLSelectElement>('layout');
  for (const name of LAYOUTS) layout.append(h('option', { value: name }, LAYOUT_LABELS[name]));
  layout.addEventListener('change', () => void explorer.layout({ name: layout.value as LayoutName }));
  const undo = byId<HTMLButtonElement>('undo');
  const redo = byId<HTMLButtonElement>('redo');
  undo.addEventListener('click', () => explorer.undo());
  redo.addEventListener('click', () => explorer.redo());
  byId('relayout').addEventListener('click', () => void explorer.layout());
  byId('fit').addEventListener('click', () => explorer.fitView());
  const zoomBy = (factor: number): void => {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  byId('zoom-in').addEventListener('click', () => zoomBy(ZOOM_STEP));
  byId('zoom-out').addEventListener('click', () => zoomBy(1 / ZOOM_STEP));
  byId('start-view').addEventListener('click', () => actions.startView());
  byId('clear').addEventListener('click', () => explorer.remove(Object.keys(explorer.state.nodes)));
  byId('share').addEventListener('click', () => actions.share());
  attachExport(cy, explorer);
  attachOverflow(byId('toolbar'), byId<HTMLDetailsElement>('toolbar-more'), byId('toolbar-more-menu'));
  return {
    update(state, history) {
      undo.disabled = history.past.length === 0;
      redo.disabled = history.future.length === 0;
      layout.value = state.layout;
    },
  };
}

/** The Export menu: the view as PNG, SVG or JSON; a click elsewhere closes it. */
function attachExport(cy: Core, explorer: Explorer): void {
  const menu = byId<HTMLDetailsElement>('export');
  const exporting = (run: () => void) => (): void => {
    menu.open = false;
    try {
      run();
    } catch (error) {
      errorToast(error, 'Could not export the view');
    }
  };
  byId('export-png').addEventListener('click', exporting(() => download('fingraph-view.png', exportPng(cy, canvasBackground()))));
  byId('export-svg').addEventListener('click', exporting(() => download('fingraph-view.svg', exportSvg(cy, canvasBackground()))));
  byId('export-json').addEventListener('click', exporting(() => download('fingraph-view.json', exportJson(explorer.state))));
  document.addEventListener('pointerdown', (event) => {
    if (!menu.contains(event.target as Node)) menu.open = false;
  });
}
