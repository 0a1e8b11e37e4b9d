/**
 * The page: builds the canvas, the explorer and the parts around it (search, toolbar, inspector,
 * paths, legend, styling, console, editing, menus, keys, the address bar, status) and connects
 * them. Each part lives in its feature folder; what is here is only who tells whom.
 */
import './styles.css';
import type { SchemaInfo } from '../../server/contract';
import { AddressBar } from './address-bar';
import { attachCanvasPointer } from './canvas/pointer';
import { ConsolePanel } from './console';
import { ConsoleDrawer, consoleOnlyRequested } from './console/drawer';
import { Editor } from './edit';
import { ArticlePanel, canvasRightOf, ProposedLayer } from './edit/article';
import { Explorer, PAGE_SIZES } from './explorer';
import { loadStartView } from './explorer/start-view';
import { api } from './api';
import { attachHover, createCanvas, createMinimap, displayName, hitIndexBuilt, namingInUse, restyled, useSchemaNaming } from './graph';
import { Inspector } from './inspector';
import { CanvasKeyboard } from './keyboard';
import { attachShortcuts } from './keyboard/shortcuts';
import { attachOverviewFold, attachSidePanel, AutoFolds, CoveredAreas, Panel } from './layout';
import { Legend } from './legend';
import { legendActions } from './legend/actions';
import { CanvasMenus } from './menu/canvas-menus';
import { PathsPanel } from './paths';
import { attachHeaderSearch } from './search/header-search';
import { attachStageStatus } from './status/stage';
import { attachProgress } from './status/progress';
import { watchHealth } from './status/health';
import { attachStyling, drawStyleKey } from './styling';
import { TextView } from './text-view';
import { attachTheme } from './theme';
import { attachToolbar } from './toolbar';
import { byId, h } from './ui/dom';
import { errorToast, toast } from './ui/toast';

// The canvas and the explorer that draws the view on it.
const graph = byId('graph');
const cy = createCanvas(graph);
attachTheme(cy, byId<HTMLButtonElement>('theme-toggle'));
// Hover lights up a node's neighbourhood and names it in full (derived: never in the state or history).
// (In the main landmark, as the rest of the page, so that assistive technology finds it among the regions.)
const tooltip = h('div', { id: 'node-tooltip', class: 'node-tooltip', role: 'tooltip', 'data-testid': 'node-tooltip', hidden: true });
(document.querySelector('main') ?? document.body).append(tooltip);
const hover = attachHover(cy, { tooltip });
const explorer = new Explorer(cy);
createMinimap(cy, byId<HTMLCanvasElement>('minimap'));
// The panels over the canvas (and the legend, the overview, the counts): fits keep the graph clear of them.
const covers = new CoveredAreas(graph);
for (const id of ['legend', 'overview', 'stage-status']) covers.add(byId(id));
explorer.setOverlays(() => covers.rects());
// The legend and the overview fold on a crowded canvas, and for a graph that fits the canvas at a
// readable zoom only without them: asked on a resize, when the legend is redrawn, and before a fit
// that frames the graph afresh.
const folding = [byId('legend'), byId('overview')];
const autoFolds = new AutoFolds(
  () => ({ w: graph.clientWidth, h: graph.clientHeight }),
  () => {
    const fits = explorer.camera.readableCheck();
    const others = covers.rects(folding);
    return (open) => fits([...others, ...open]);
  },
  // A legend redrawn: measured once the canvas has its latest styling, before the next frame is painted.
  (run) => void restyled(cy).then(() => requestAnimationFrame(run)),
);
explorer.camera.setRoomMaker(() => autoFolds.update());
// The canvas follows its box (the drawer's height, the window): Cytoscape alone watches only the window.
// (The legend and the overview fold or unfold by themselves first: the camera then keeps the graph clear of what stays open.)
new ResizeObserver(() => {
  autoFolds.update();
  explorer.resized();
}).observe(graph);
const stage = document.querySelector<HTMLElement>('.stage')!;

// The side panel: paths and the inspector.
const inspector: Inspector = new Inspector(byId('inspector'), {
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
const sidePanel = attachSidePanel(byId('side-panel'), byId('side-panel-body'), byId<HTMLButtonElement>('side-panel-toggle'));
const inspectorSection = new Panel(byId('inspector-section'), { focus: false });
/** What asks for the inspector (Enter on a node, "Inspect") opens it, the side panel folded or not. */
function inspect(id: string): void {
  sidePanel.open();
  inspectorSection.open();
  void inspector.showNode(id);
}
const paths = new PathsPanel((from, to, query) => explorer.findPaths(from, to, query));
const pageSize = byId<HTMLSelectElement>('page-size');
for (const size of PAGE_SIZES) pageSize.append(h('option', { value: size, selected: size === explorer.pageSize }, String(size)));
pageSize.addEventListener('change', () => {
  explorer.setPageSize(Number(pageSize.value));
  inspector.refresh();
});

// Styling rules (size, colour, captions, widths by property): a panel over the canvas, kept per database.
let schemaInfo: SchemaInfo | null = null;
const styling = attachStyling(explorer, () => schemaInfo, stage, byId<HTMLButtonElement>('style-toggle'), covers);

// Editing by hand (issue 16): forms that write through the change API, and the inspector's history.
const editor: Editor = new Editor({
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
    return selected.nonempty() ? { ...selected.first().position() } : explorer.camera.centre();
  },
});
byId('new-entity').addEventListener('click', () => editor.createEntity());
// Add an article (issue 16): its facts found, reviewed beside its text, previewed on the canvas, committed.
const articlePanel: ArticlePanel = new ArticlePanel(editor.context, new ProposedLayer(cy, () => canvasRightOf(cy, articlePanel.root, byId('overview'))), stage, byId<HTMLButtonElement>('add-article'), covers);

// The Cypher console: a drawer under the canvas, or the whole window (its "New tab" link).
const drawer = new ConsoleDrawer(document.querySelector<HTMLElement>('.work')!, byId('console'), () => cy.resize());
const cypherConsole = new ConsolePanel(byId('console'), {
  controls: drawer.controls,
  opener: byId<HTMLButtonElement>('console-toggle'),
  drawResult: (view, mode) => explorer.showResult(view, mode),
  showNode: (node) => {
    explorer.addNode(node);
    void inspector.showNode(node.id);
  },
  resized: () => {
    if (!cypherConsole.open && drawer.isMaximised) drawer.maximise(false);
    drawer.apply();
    cy.resize();
  },
});
if (consoleOnlyRequested()) {
  document.body.classList.add('console-only');
  document.title = 'Cypher console · Fingraph';
  cypherConsole.toggle(true);
  drawer.maximise(true);
}

// Around the canvas: the overview, the toolbar, the counts, the search, the loading bar.
const legend = new Legend(byId('legend'));
autoFolds.add(legend.fold);
autoFolds.add(attachOverviewFold(byId('overview'), byId('minimap'), byId<HTMLButtonElement>('overview-fold')));
const startView = (): void => void loadStartView(explorer, schemaLoaded);
const toolbar = attachToolbar(cy, explorer, { startView, share: () => void addressBar.share() });
const stageStatus = attachStageStatus(explorer, startView);
const search = attachHeaderSearch((hit) => {
  explorer.addNode(hit.node);
  void inspector.showNode(hit.node.id);
  // The keys (E, C, H, P, Del…) now act on the node picked, not on the search box's text.
  graph.focus({ preventScroll: true });
});
attachProgress(byId('progress'));

// The canvas by mouse, by keyboard, and as text.
const menus = new CanvasMenus(cy, { explorer, inspector, editor, paths, inspect });
attachCanvasPointer(cy, explorer, inspector, menus);
new CanvasKeyboard(cy, graph, byId('canvas-announcer'), {
  open: (id) => {
    explorer.focusNode(id);
    inspect(id);
  },
  openMenu: (id, x, y) => menus.openNode(id, x, y),
  describe: (id) => {
    const node = explorer.state.nodes[id];
    return node ? `${displayName(node.data)}${node.data.labels.length > 0 ? `, ${node.data.labels.join(', ')}` : ''}` : 'the node';
  },
});
attachShortcuts(cy, explorer, {
  busy: (target) => menus.open || editor.open || articlePanel.contains(target),
  focusSearch: () => search.focus(),
  toggleConsole: () => cypherConsole.toggle(),
  clear: () => {
    cy.elements().unselect();
    explorer.clearHighlight();
    inspector.clear();
  },
});
const textView = new TextView(byId('text-view'), byId('canvas-summary'), byId<HTMLButtonElement>('text-view-toggle'), displayName, namingInUse, (id, kind) => {
  explorer.focusNode(id);
  void (kind === 'node' ? inspector.showNode(id) : inspector.showEdge(id));
});

// The address bar holds the view: each undo step a history entry of its own (Back and Forward step
// through them), camera moves rewrite the current one; a pasted link, Back and Forward open their view.
const addressBar = new AddressBar({
  hasView: () => Object.keys(explorer.state.nodes).length > 0,
  shareText: () => explorer.shareText(),
  step: () => explorer.step,
  travelTo: (text) => explorer.travelTo(text),
  openShared: (text, stillWanted) => explorer.openShared(text, stillWanted),
  openStart: () => loadStartView(explorer, schemaLoaded),
  opened: () => inspector.clear(),
});
cy.on('viewport', () => addressBar.cameraMoved());

// After every change: the toolbar, the counts, the legend, the inspector, the text view, the address bar.
const legendControls = legendActions(explorer);
explorer.onChange((state, history) => {
  toolbar.update(state, history);
  stageStatus.update(state);
  legend.draw(state, legendControls, { key: drawStyleKey(explorer.looks.key, () => styling.panel.toggle(true)), labelColors: explorer.rules.color.by === 'label' });
  inspector.refresh();
  textView.update(state);
  addressBar.viewChanged();
});

(window as unknown as { fingraph: unknown }).fingraph = { cy, explorer, hover, hitIndexBuilt: () => hitIndexBuilt(cy), restyled: () => restyled(cy) };

/** The schema, read at start-up (the first view waits for it: it says what names each node). */
let schemaLoaded: Promise<void> = Promise.resolve();
async function loadSchema(): Promise<void> {
  try {
    const schema = await api.schema();
    schemaInfo = schema;
    styling.panel.refresh();
    // Names on the canvas, in search and in the inspector follow the schema's naming property.
    useSchemaNaming(schema);
    paths.useSchema(schema);
    search.useSchema(schema);
  } catch (error) {
    errorToast(error, 'Could not read the database schema');
  }
}

async function start(): Promise<void> {
  // Neo4j or the server unreachable: a banner that checks until it is back, then picks up what could not load.
  watchHealth(byId('status'), byId('outage'), () => {
    toast('Neo4j answers again.');
    if (!search.hasSchema) void loadSchema();
    if (Object.keys(explorer.state.nodes).length === 0) void loadStartView(explorer, schemaLoaded);
  });
  schemaLoaded = loadSchema();
  // The address holds this first view already: it takes the current entry of the browser's history.
  const shared = addressBar.sharedViewText();
  if (shared) {
    try {
      await addressBar.opening(async () => {
        await schemaLoaded;
        await explorer.openShared(shared);
      });
      return;
    } catch (error) {
      errorToast(error, 'Could not open the shared view');
    }
  }
  await addressBar.opening(() => loadStartView(explorer, schemaLoaded));
}

void start().finally(() => {
  document.body.setAttribute('data-ready', 'true');
  // When the first view was painted, in ms since the page was asked for (the UI bench reads it).
  requestAnimationFrame(() => requestAnimationFrame(() => document.body.setAttribute('data-first-render-ms', performance.now().toFixed(1))));
});
