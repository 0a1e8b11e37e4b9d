/**
 * Start-up and wiring: the canvas, the explorer, and the panels around it (search, toolbar,
 * inspector, paths, legend, context menu, minimap), keyboard shortcuts, and the view in the URL.
 */
import './styles.css';
import type { NodeSingular, EdgeSingular } from 'cytoscape';
import { api, onBusy, onOutage } from './api';
import { Explorer, PAGE_SIZES } from './explorer';
import { attachHover, createCanvas, createMinimap, download, exportJson, exportPng, exportSvg, LAYOUT_LABELS, useSchemaNaming } from './graph';
import { Inspector } from './inspector';
import { drawLegend } from './legend';
import { ConsolePanel } from './console';
import { ConsoleDrawer, consoleOnlyRequested } from './console/drawer';
import { ContextMenu, expandItems } from './menu';
import { Editor } from './edit';
import { PathsPanel } from './paths';
import { attachSearch, searchPlaceholder } from './search';
import { clearFilters, LAYOUTS, setYears, showAllHidden, toggleLabel, toggleType, type LayoutName } from './state';
import { showHealth } from './status';
import { attachTheme, canvasBackground } from './theme';
import { OutageBanner } from './status/outage';
import { byId, h, typingInto } from './ui/dom';
import { INDICATOR_DELAY_MS } from './ui/indicator';
import { attachOverflow, readFold, writeFold, type Rect } from './layout';
import { errorToast, toast } from './ui/toast';

const cy = createCanvas(byId('graph'));
attachTheme(cy, byId<HTMLButtonElement>('theme-toggle'));
// Hover lights up a node's neighbourhood and names it in full (derived: never in the state or history).
const tooltip = h('div', { id: 'node-tooltip', class: 'node-tooltip', role: 'tooltip', 'data-testid': 'node-tooltip', hidden: true });
document.body.append(tooltip);
attachHover(cy, { tooltip });
const explorer = new Explorer(cy);
const inspector = new Inspector(byId('inspector'), {
  state: () => explorer.state,
  expand: (id, type, direction) => void explorer.expand(id, type, direction),
  focusNode: (id) => {
    explorer.focusNode(id);
    void inspector.showNode(id);
  },
  pageSize: () => explorer.pageSize,
  tools: (target) => editor.tools(target),
});
const pageSize = byId<HTMLSelectElement>('page-size');
for (const size of PAGE_SIZES) pageSize.append(h('option', { value: size, selected: size === explorer.pageSize }, String(size)));
pageSize.addEventListener('change', () => {
  explorer.setPageSize(Number(pageSize.value));
  inspector.refresh();
});
const menu = new ContextMenu();
// Editing by hand (issue 16): forms that write through the change API, and the inspector's history.
const editor = new Editor({
  state: () => explorer.state,
  change: (next) => explorer.change(next),
  inspectNode: (id) => {
    explorer.focusNode(id);
    void inspector.showNode(id);
  },
  inspectEdge: (id) => void inspector.showEdge(id),
  refreshInspector: () => inspector.refresh(),
  name: (id) => explorer.name(id),
  near: () => {
    const selected = cy.nodes(':selected');
    if (selected.nonempty()) return { ...selected.first().position() };
    const extent = cy.extent();
    return { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 };
  },
});
byId('new-entity').addEventListener('click', () => editor.createEntity());
const paths = new PathsPanel((from, to, maxHops) => explorer.findPaths(from, to, maxHops));
createMinimap(cy, byId<HTMLCanvasElement>('minimap'));
const consoleToggle = byId<HTMLButtonElement>('console-toggle');
const drawer = new ConsoleDrawer(document.querySelector<HTMLElement>('.work')!, byId('console'), () => cy.resize());
const cypherConsole = new ConsolePanel(byId('console'), {
  controls: drawer.controls,
  drawResult: (view, mode) => explorer.showResult(view, mode),
  showNode: (node) => {
    explorer.addNode(node);
    void inspector.showNode(node.id);
  },
  resized: () => {
    consoleToggle.setAttribute('aria-expanded', String(cypherConsole.open));
    if (!cypherConsole.open && drawer.isMaximised) drawer.maximise(false);
    drawer.apply();
    cy.resize();
  },
});
consoleToggle.addEventListener('click', () => cypherConsole.toggle());
// The canvas follows its box (the drawer's height, the window): Cytoscape alone watches only the window.
new ResizeObserver(() => explorer.resized()).observe(byId('graph'));

// The console alone, full-window (its "New tab" link opens the page so).
if (consoleOnlyRequested()) {
  document.body.classList.add('console-only');
  document.title = 'Cypher console · Fingraph';
  cypherConsole.toggle(true);
  drawer.maximise(true);
}

// The toolbar keeps one row: what does not fit goes into "More ⋯".
attachOverflow(byId('toolbar'), byId<HTMLDetailsElement>('toolbar-more'), byId('toolbar-more-menu'));

// The overview folds to its header line (remembered).
const OVERVIEW_FOLD = 'fingraph.overview.folded';
const overviewFold = byId<HTMLButtonElement>('overview-fold');
const minimap = byId<HTMLCanvasElement>('minimap');
const foldOverview = (folded: boolean): void => {
  minimap.hidden = folded;
  overviewFold.setAttribute('aria-expanded', String(!folded));
  overviewFold.textContent = folded ? '▸ Overview' : '▾ Overview';
};
foldOverview(readFold(OVERVIEW_FOLD));
overviewFold.addEventListener('click', () => {
  const folded = !minimap.hidden;
  writeFold(OVERVIEW_FOLD, folded);
  foldOverview(folded);
});

// Fitting keeps the graph clear of the panels over the canvas.
const overlays = ['legend', 'overview', 'stage-status'].map((id) => byId(id));
explorer.setOverlays(() => {
  const origin = byId('graph').getBoundingClientRect();
  return overlays.flatMap((element): Rect[] => {
    if (element.hidden) return [];
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [];
    const margin = 6;
    return [{ x1: r.left - origin.left - margin, y1: r.top - origin.top - margin, x2: r.right - origin.left + margin, y2: r.bottom - origin.top + margin }];
  });
});
(window as unknown as { fingraph: unknown }).fingraph = { cy, explorer };

// Loading indicator: a bar while any request is in flight.
const progress = byId('progress');
let progressTimer = 0;
onBusy((count) => {
  clearTimeout(progressTimer);
  if (count === 0) progress.hidden = true;
  else if (progress.hidden) progressTimer = window.setTimeout(() => (progress.hidden = false), INDICATOR_DELAY_MS);
  progress.setAttribute('aria-busy', String(count > 0));
});

// Search.
byId('search-form').addEventListener('submit', (event) => event.preventDefault());
const searchLabel = byId<HTMLSelectElement>('search-label');
const searchInput = byId<HTMLInputElement>('search');
const search = attachSearch({
  input: searchInput,
  label: () => searchLabel.value,
  onPick: (hit) => {
    explorer.addNode(hit.node);
    void inspector.showNode(hit.node.id);
    // The keys (E, C, H, P, Del…) now act on the node picked, not on the search box's text.
    byId('graph').focus({ preventScroll: true });
  },
});

// Toolbar.
const layoutSelect = byId<HTMLSelectElement>('layout');
for (const name of LAYOUTS) layoutSelect.append(h('option', { value: name }, LAYOUT_LABELS[name]));
layoutSelect.addEventListener('change', () => void explorer.layout({ name: layoutSelect.value as LayoutName }));
const buttons = {
  undo: byId<HTMLButtonElement>('undo'),
  redo: byId<HTMLButtonElement>('redo'),
  showHidden: byId<HTMLButtonElement>('show-hidden'),
};
buttons.undo.addEventListener('click', () => explorer.undo());
buttons.redo.addEventListener('click', () => explorer.redo());
buttons.showHidden.addEventListener('click', () => explorer.change(showAllHidden(explorer.state)));
byId('relayout').addEventListener('click', () => void explorer.layout());
byId('fit').addEventListener('click', () => explorer.fitView());
byId('zoom-in').addEventListener('click', () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }));
byId('zoom-out').addEventListener('click', () => cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }));
byId('start-view').addEventListener('click', () => void loadStartView());
byId('clear').addEventListener('click', () => explorer.remove(Object.keys(explorer.state.nodes)));
byId('share').addEventListener('click', () => void share());
const exportMenu = byId<HTMLDetailsElement>('export');
const exporting = (run: () => void) => (): void => {
  exportMenu.open = false;
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
  if (!exportMenu.contains(event.target as Node)) exportMenu.open = false;
});
byId('empty-start').addEventListener('click', () => void loadStartView());

// Canvas events: click inspects, double-click expands, right-click opens the menu.
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
cy.on('dbltap', 'node', (event) => void explorer.expand((event.target as NodeSingular).id()));
// The inspector shows the selection the keys act on: one node, or several (Shift/Ctrl/Cmd + click,
// Shift + drag). A box selection selects many at once: one redraw after the last of its events.
let selectionTimer = 0;
cy.on('select unselect', 'node', () => {
  clearTimeout(selectionTimer);
  selectionTimer = window.setTimeout(() => {
    const selected = selectedNodeIds();
    if (selected.length > 1) inspector.showSelection(selected);
    else if (selected.length === 1) void inspector.showNode(selected[0]!);
  }, 0);
});
cy.on('cxttap', 'node', (event) => {
  const node = event.target as NodeSingular;
  const original = event.originalEvent as MouseEvent;
  openNodeMenu(node.id(), original.clientX, original.clientY);
});
cy.on('cxttap', 'edge', (event) => {
  const edge = event.target as EdgeSingular;
  const original = event.originalEvent as MouseEvent;
  menu.show(original.clientX, original.clientY, edge.data('type') as string, [
    [
      { text: 'Show evidence', run: () => void inspector.showEdge(edge.id()) },
      { text: 'Remove from canvas', run: () => explorer.remove([], [edge.id()]) },
    ],
    editor.edgeMenuItems(edge.id()),
  ]);
});

function selectedNodeIds(): string[] {
  return cy.nodes(':selected').map((node) => node.id());
}

function openNodeMenu(id: string, x: number, y: number): void {
  const state = explorer.state;
  const node = state.nodes[id];
  if (!node) return;
  const selection = selectedNodeIds();
  const targets = selection.includes(id) && selection.length > 1 ? selection : [id];
  const many = targets.length > 1 ? ` (${targets.length} selected)` : '';
  const rest = [
    [
      { text: `Collapse${many}`, run: () => explorer.collapse(targets), testId: 'menu-collapse' },
      { text: `Hide${many}`, run: () => explorer.hide(targets), testId: 'menu-hide' },
      { text: node.pinned ? `Unpin${many}` : `Pin${many}`, run: () => explorer.pin(targets, !node.pinned), testId: 'menu-pin' },
      { text: `Remove${many}`, run: () => explorer.remove(targets), testId: 'menu-remove' },
    ],
    [
      { text: 'Inspect', run: () => void inspector.showNode(id) },
      { text: 'Path from here', run: () => paths.set(node.data, undefined), testId: 'menu-path-from' },
      { text: 'Path to here', run: () => paths.set(undefined, node.data), testId: 'menu-path-to' },
    ],
    editor.nodeMenuItems(id, selection),
  ];
  menu.show(x, y, explorer.name(id), [[{ text: 'Loading relationship types…', run: () => undefined, disabled: true }], ...rest]);
  api.node(id).then(
    (details) => {
      if (menu.open) menu.show(x, y, explorer.name(id), [expandItems(details, (type, direction) => void explorer.expand(id, type, direction)), ...rest]);
    },
    (error) => errorToast(error, 'Could not read its relationships'),
  );
}

// Keyboard.
document.addEventListener('keydown', (event) => {
  if (typingInto(event.target) || menu.open || editor.open) return;
  const key = event.key.toLowerCase();
  const control = event.ctrlKey || event.metaKey;
  const selected = selectedNodeIds();
  if (control && key === 'z') explorer[event.shiftKey ? 'redo' : 'undo']();
  else if (control && key === 'y') explorer.redo();
  else if (control) return;
  else if (key === '/') search.focus();
  else if (key === 'q') cypherConsole.toggle();
  else if ((key === 'delete' || key === 'backspace') && (selected.length > 0 || cy.edges(':selected').nonempty())) explorer.remove(selected, cy.edges(':selected').map((edge) => edge.id()));
  else if (key === 'e' && selected.length > 0) selected.forEach((id) => void explorer.expand(id));
  else if (key === 'c' && selected.length > 0) explorer.collapse(selected);
  else if (key === 'h' && selected.length > 0) explorer.hide(selected);
  else if (key === 'p' && selected.length > 0) explorer.pin(selected, !explorer.state.nodes[selected[0]!]?.pinned);
  else if (key === 'f') explorer.fitView();
  else if (key === 'l') void explorer.layout();
  else if (key === 'escape') {
    cy.elements().unselect();
    explorer.clearHighlight();
    inspector.clear();
  } else return;
  event.preventDefault();
});

// After every change: toolbar, legend, inspector, empty state, and the URL.
const legend = byId('legend');
const empty = byId('empty');
let urlTimer = 0;
explorer.onChange((state, history) => {
  buttons.undo.disabled = history.past.length === 0;
  buttons.redo.disabled = history.future.length === 0;
  const hidden = Object.values(state.nodes).filter((node) => node.hidden).length;
  buttons.showHidden.hidden = hidden === 0;
  buttons.showHidden.textContent = `Show ${hidden} hidden`;
  layoutSelect.value = state.layout;
  empty.hidden = Object.keys(state.nodes).length > 0;
  byId('counts').textContent = `${Object.keys(state.nodes).length} nodes · ${Object.keys(state.edges).length} relationships`;
  drawLegend(legend, state, {
    toggleLabel: (label) => explorer.change(toggleLabel(explorer.state, label)),
    toggleType: (type) => explorer.change(toggleType(explorer.state, type)),
    setYears: (years, keepUndated) => explorer.change(setYears(explorer.state, years, keepUndated)),
    clearFilters: () => explorer.change(clearFilters(explorer.state)),
  });
  inspector.refresh();
  clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => {
    const hash = Object.keys(state.nodes).length > 0 ? `#view=${explorer.shareText()}` : '';
    if (location.hash !== hash) window.history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }, 150);
});

async function share(): Promise<void> {
  const url = `${location.origin}${location.pathname}#view=${explorer.shareText()}`;
  window.history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    toast('Link to this view copied.');
  } catch {
    toast('The browser did not let the page copy: copy the address bar, it holds this view.');
  }
}

/** The schema, read at start-up (the first view waits for it: it says what names each node). */
let schemaLoaded: Promise<void> = Promise.resolve();

async function loadStartView(): Promise<void> {
  try {
    const [view] = await Promise.all([api.startView(), schemaLoaded]);
    if (view.nodes.length === 0) {
      toast('The database is empty. Load the default dataset with `npm run seed`, or import your own.', 'error');
      return;
    }
    await explorer.showView(view);
  } catch (error) {
    errorToast(error, 'Could not load the start view');
  }
}

async function loadSchema(): Promise<void> {
  try {
    const schema = await api.schema();
    // Names on the canvas, in search and in the inspector follow the schema's naming property.
    useSchemaNaming(schema);
    searchInput.placeholder = searchPlaceholder(schema);
    for (const label of schema.labels) searchLabel.append(h('option', { value: label.name }, `${label.name} (${label.count.toLocaleString('en-US')})`));
  } catch (error) {
    errorToast(error, 'Could not read the database schema');
  }
}

// Neo4j or the server unreachable: a banner that checks health until it is back, then picks up
// what could not load (the schema, the start view on an empty canvas).
const status = byId('status');
const outage = new OutageBanner(
  byId('outage'),
  () => api.health().then((report) => (showHealth(status, report), report)),
  () => {
    toast('Neo4j answers again.');
    if (searchLabel.options.length <= 1) void loadSchema();
    if (Object.keys(explorer.state.nodes).length === 0) void loadStartView();
  },
);
onOutage((error) => {
  showHealth(status, error);
  outage.show(error.message, error.status === 0);
});

async function start(): Promise<void> {
  const checkHealth = (): void =>
    void api.health().then(
      (report) => {
        showHealth(status, report);
        if (report.status !== 'ok') outage.show(report.neo4j.error ?? 'It does not answer.');
      },
      (error: Error) => {
        showHealth(status, error);
        outage.show(error.message, true);
      },
    );
  checkHealth();
  setInterval(checkHealth, 15_000);
  schemaLoaded = loadSchema();
  const shared = /^#view=(.+)$/.exec(location.hash)?.[1];
  if (shared) {
    try {
      await schemaLoaded;
      await explorer.openShared(shared);
      return;
    } catch (error) {
      errorToast(error, 'Could not open the shared view');
    }
  }
  await loadStartView();
}

void start().finally(() => {
  document.body.setAttribute('data-ready', 'true');
  // When the first view was painted, in ms since the page was asked for (the UI bench reads it).
  requestAnimationFrame(() => requestAnimationFrame(() => document.body.setAttribute('data-first-render-ms', performance.now().toFixed(1))));
});
