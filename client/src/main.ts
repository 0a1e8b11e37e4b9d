/**
 * Start-up and wiring: the canvas, the explorer, and the panels around it (search, toolbar,
 * inspector, paths, legend, context menu, minimap), keyboard shortcuts, and the view in the URL.
 */
import './styles.css';
import type { NodeSingular, EdgeSingular } from 'cytoscape';
import { api, onBusy, onOutage } from './api';
import { Explorer, PAGE_SIZES } from './explorer';
import { attachHover, createCanvas, createMinimap, displayName, download, exportJson, exportPng, exportSvg, hitIndexBuilt, LAYOUT_LABELS, useSchemaNaming } from './graph';
import { Inspector } from './inspector';
import { drawLegend } from './legend';
import { ConsolePanel } from './console';
import { ConsoleDrawer, consoleOnlyRequested } from './console/drawer';
import { ContextMenu, expandItems } from './menu';
import { CanvasKeyboard } from './keyboard';
import { TextView } from './text-view';
import { Editor } from './edit';
import { ArticlePanel, canvasRightOf, ProposedLayer } from './edit/article';
import { PathsPanel } from './paths';
import { attachSearch, searchPlaceholder } from './search';
import { attachStyling, drawStyleKey } from './styling';
import type { SchemaInfo } from '../../server/contract';
import { clearFilters, inDataOrder, LAYOUTS, onlyLabel, onlyType, setHideOrphans, setYears, showAllHidden, showAllLabels, showAllTypes, tally, toggleLabel, toggleType, type LayoutName } from './state';
import { showHealth } from './status';
import { countsText } from './status/counts';
import { attachTheme, canvasBackground } from './theme';
import { OutageBanner } from './status/outage';
import { byId, h, typingInto } from './ui/dom';
import { INDICATOR_DELAY_MS } from './ui/indicator';
import { attachOverflow, attachSidePanel, readFold, writeFold, type Rect } from './layout';
import { errorToast, toast } from './ui/toast';

const cy = createCanvas(byId('graph'));
attachTheme(cy, byId<HTMLButtonElement>('theme-toggle'));
// Hover lights up a node's neighbourhood and names it in full (derived: never in the state or history).
// (In the main landmark, as the rest of the page, so that assistive technology finds it among the regions.)
const tooltip = h('div', { id: 'node-tooltip', class: 'node-tooltip', role: 'tooltip', 'data-testid': 'node-tooltip', hidden: true });
(document.querySelector('main') ?? document.body).append(tooltip);
const hover = attachHover(cy, { tooltip });
const explorer = new Explorer(cy);
const inspector = new Inspector(byId('inspector'), {
  state: () => explorer.state,
  expand: (id, type, direction) => void explorer.expand(id, type, direction),
  focusNode: (id) => {
    explorer.focusNode(id);
    void inspector.showNode(id);
  },
  pageSize: () => explorer.pageSize,
  showOnly: (ids) => explorer.showOnly(ids),
  addNeighbour: (anchor, neighbour) => void explorer.addNeighbour(anchor, neighbour.node, neighbour.edge),
  tools: (target) => editor.tools(target),
});
const pageSize = byId<HTMLSelectElement>('page-size');
for (const size of PAGE_SIZES) pageSize.append(h('option', { value: size, selected: size === explorer.pageSize }, String(size)));
pageSize.addEventListener('change', () => {
  explorer.setPageSize(Number(pageSize.value));
  inspector.refresh();
});
// (In the page's main landmark, as everything else.)
const menu = new ContextMenu(document.querySelector<HTMLElement>('main') ?? document.body);
// Styling rules (size, colour, captions, widths by property): a panel over the canvas, kept per database.
let schemaInfo: SchemaInfo | null = null;
const styling = attachStyling(explorer, () => schemaInfo, document.querySelector<HTMLElement>('.stage')!, byId<HTMLButtonElement>('style-toggle'));
const paths = new PathsPanel((from, to, query) => explorer.findPaths(from, to, query));
// Editing by hand (issue 16): forms that write through the change API, and the inspector's history.
const editor = new Editor({
  state: () => explorer.state,
  change: (next, outdated) => explorer.afterWrite(next, outdated),
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
// Add an article (issue 16): its facts found, reviewed beside its text, previewed on the canvas, committed.
const addArticle = byId<HTMLButtonElement>('add-article');
const articlePanel: ArticlePanel = new ArticlePanel(
  editor.context,
  new ProposedLayer(cy, () => canvasRightOf(cy, articlePanel.root, byId('overview'))),
  document.querySelector<HTMLElement>('.stage')!,
  (open) => addArticle.setAttribute('aria-expanded', String(open)),
);
addArticle.addEventListener('click', () => (articlePanel.isOpen ? articlePanel.focus() : articlePanel.open(addArticle)));
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

// The side panel folds to a strip (remembered); what asks for the inspector opens it again.
const sidePanel = attachSidePanel(byId('side-panel'), byId('side-panel-body'), byId<HTMLButtonElement>('side-panel-toggle'));
const inspectorSection = byId<HTMLDetailsElement>('inspector-section');
function showInspector(id: string): void {
  sidePanel.open();
  inspectorSection.open = true;
  void inspector.showNode(id);
}

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
const overlays = ['legend', 'overview', 'stage-status', 'style-panel', 'article-panel'].map((id) => byId(id));
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
(window as unknown as { fingraph: unknown }).fingraph = { cy, explorer, hover, hitIndexBuilt: () => hitIndexBuilt(cy) };

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
const hideUnconnected = byId<HTMLButtonElement>('hide-unconnected');
hideUnconnected.addEventListener('click', () => explorer.hideUnconnected());
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

// The canvas from the keyboard: arrows, Tab, Enter and the menu key on the node it focuses.
new CanvasKeyboard(cy, byId('graph'), byId('canvas-announcer'), {
  open: (id) => {
    explorer.focusNode(id);
    showInspector(id);
  },
  openMenu: (id, x, y) => openNodeMenu(id, x, y),
  describe: (id) => {
    const node = explorer.state.nodes[id];
    return node ? `${displayName(node.data)}${node.data.labels.length > 0 ? `, ${node.data.labels.join(', ')}` : ''}` : 'the node';
  },
});
// The canvas as text (its description, and a list the button shows).
const textView = new TextView(byId('text-view'), byId('canvas-summary'), byId<HTMLButtonElement>('text-view-toggle'), displayName, (id, kind) => {
  explorer.focusNode(id);
  void (kind === 'node' ? inspector.showNode(id) : inspector.showEdge(id));
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
      { text: targets.length > 1 ? `Show only these and their neighbours${many}` : 'Show only this and its neighbours', run: () => explorer.showOnly(targets), testId: 'menu-show-only' },
      { text: node.pinned ? `Unpin${many}` : `Pin${many}`, run: () => explorer.pin(targets, !node.pinned), testId: 'menu-pin' },
      { text: `Remove${many}`, run: () => explorer.remove(targets), testId: 'menu-remove' },
    ],
    [
      { text: 'Inspect', run: () => showInspector(id) },
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
  if (typingInto(event.target) || menu.open || editor.open || articlePanel.contains(event.target)) return;
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
explorer.onChange((state, history) => {
  buttons.undo.disabled = history.past.length === 0;
  buttons.redo.disabled = history.future.length === 0;
  const counts = tally(state);
  buttons.showHidden.hidden = counts.hidden === 0;
  buttons.showHidden.textContent = `Show ${counts.hidden} hidden`;
  // (Not when nothing is joined: it would offer to hide every node.)
  hideUnconnected.hidden = counts.unconnected === 0 || counts.relationships.visible === 0;
  hideUnconnected.textContent = `Hide ${counts.unconnected} unconnected`;
  layoutSelect.value = state.layout;
  empty.hidden = counts.nodes.total > 0;
  byId('counts').textContent = countsText(counts);
  drawLegend(legend, state, {
    toggleLabel: (label) => explorer.change(toggleLabel(explorer.state, label)),
    toggleType: (type) => explorer.change(toggleType(explorer.state, type)),
    onlyLabel: (label) => explorer.change(onlyLabel(explorer.state, label)),
    onlyType: (type) => explorer.change(onlyType(explorer.state, type)),
    showAllLabels: () => explorer.change(showAllLabels(explorer.state)),
    showAllTypes: () => explorer.change(showAllTypes(explorer.state)),
    setHideOrphans: (hide) => explorer.change(setHideOrphans(explorer.state, hide)),
    setYears: (years, keepUndated) => explorer.change(setYears(explorer.state, years, keepUndated)),
    clearFilters: () => explorer.change(clearFilters(explorer.state)),
  }, { key: drawStyleKey(explorer.looks.key, () => styling.panel.toggle(true)), labelColors: explorer.rules.color.by === 'label' });
  inspector.refresh();
  textView.update(state);
  writeUrlSoon();
});

// The address bar holds the view: rewritten (not a new history entry) after each change and each
// pan or zoom; a link pasted into it, or back and forward, opens the view it holds.
let urlTimer = 0;
/** The hash last written or followed: a hashchange to anything else is the user's. */
let knownHash = location.hash;
/** Counts the views asked for from the address bar: only the latest is opened. */
let navigation = 0;
let following = false;
function writeUrlSoon(): void {
  clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => {
    if (following) return;
    const hash = Object.keys(explorer.state.nodes).length > 0 ? `#view=${explorer.shareText()}` : '';
    knownHash = hash;
    if (location.hash !== hash) window.history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }, 150);
}
cy.on('viewport', writeUrlSoon);
function followAddressBar(): void {
  if (location.hash === knownHash) return;
  knownHash = location.hash;
  clearTimeout(urlTimer);
  const ticket = ++navigation;
  following = true;
  const shared = sharedViewText();
  const opening = shared ? explorer.openShared(shared, () => ticket === navigation) : loadStartView();
  opening
    .catch((error: unknown) => errorToast(error, 'Could not open the view in the address bar'))
    .finally(() => {
      if (ticket !== navigation) return;
      following = false;
      inspector.clear();
      writeUrlSoon();
    });
}
window.addEventListener('hashchange', followAddressBar);
window.addEventListener('popstate', followAddressBar);

function sharedViewText(): string | undefined {
  return /^#view=(.+)$/.exec(location.hash)?.[1];
}

async function share(): Promise<void> {
  const url = `${location.origin}${location.pathname}#view=${explorer.shareText()}`;
  knownHash = new URL(url).hash;
  window.history.replaceState(null, '', url);
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
    // In the data's order, not the elementIds': the same data is then laid out the same way.
    await explorer.showView(inDataOrder(view, displayName));
  } catch (error) {
    errorToast(error, 'Could not load the start view');
  }
}

async function loadSchema(): Promise<void> {
  try {
    const schema = await api.schema();
    schemaInfo = schema;
    styling.panel.refresh();
    // Names on the canvas, in search and in the inspector follow the schema's naming property.
    useSchemaNaming(schema);
    paths.useSchema(schema);
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
  const shared = sharedViewText();
  if (shared) {
    // (The address bar keeps the link until its view is drawn.)
    following = true;
    try {
      await schemaLoaded;
      await explorer.openShared(shared);
      return;
    } catch (error) {
      errorToast(error, 'Could not open the shared view');
    } finally {
      following = false;
      writeUrlSoon();
    }
  }
  await loadStartView();
}

void start().finally(() => {
  document.body.setAttribute('data-ready', 'true');
  // When the first view was painted, in ms since the page was asked for (the UI bench reads it).
  requestAnimationFrame(() => requestAnimationFrame(() => document.body.setAttribute('data-first-render-ms', performance.now().toFixed(1))));
});
