/**
 * The explorer's actions: it turns what the user does into new view states (the pure functions of
 * state/), keeps them in the store (undo, redo), has Cytoscape draw each one, and talks to the API.
 * The camera decides what part of the graph is seen; the read-ahead fetches the neighbours a
 * double-click is about to ask for. Panels (search, inspector, paths, legend, menu) call its
 * methods; the store tells them when the state changed.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Direction, GraphEdge, GraphNode, GraphView } from '../../../server/contract';
import { api } from '../api';
import { displayName, render, runLayout } from '../graph';
import type { Rect } from '../layout';
import { queryWords, type PathQuery } from '../paths/query';
import {
  addGraph,
  clearCanvas,
  collapse,
  collapseSet,
  decodeView,
  renameView,
  emptyView,
  encodeView,
  findExpansion,
  moveNodes,
  placeAround,
  removeEdges,
  removeNodes,
  revealNode,
  setHidden,
  setHighlight,
  setLayout,
  setPinned,
  showOnlyNeighbourhood,
  showsView,
  stepsTo,
  unconnectedNodes,
  type LayoutName,
  type Position,
  type SharedView,
  type ViewState,
} from '../state';
import { computeLooks, DEFAULT_RULES, type CategoryColors, type Looks, type StyleRules } from '../styling';
import { INDICATOR_DELAY_MS } from '../ui/indicator';
import { errorToast, toast } from '../ui/toast';
import { Camera } from './camera';
import { readPageSize, storePageSize } from './page-size';
import { NeighbourPages, type PageQuery } from './read-ahead';
import { ViewStore, type Listener } from './store';

/** Resolves once the browser has painted the next frame (a task queued from its animation frame runs after the paint). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** From this many new nodes, an expansion draws the nodes a frame before their relationships. */
const PROGRESSIVE_FROM = 30;
/** Beyond this many nodes the canvas is not joined up after an expansion (the API takes 5,000 ids). */
const JOIN_LIMIT = 5_000;

export class Explorer {
  private readonly store = new ViewStore();
  /** What part of the graph the canvas shows. */
  readonly camera: Camera;
  private readonly pages = new NeighbourPages();
  /** Positions of nodes being dragged, written as one step when the drag ends. */
  private dragged: Record<string, Position> = {};
  private dragTimer = 0;
  /** How many neighbours one expansion brings (a preference of this browser). */
  pageSize: number = readPageSize();
  /** The styling rules (how the canvas looks, not what is on it: outside the undo history) and where they came from. */
  private styleRules: StyleRules = DEFAULT_RULES;
  styleSource: 'default' | 'stored' | 'link' | 'user' = 'default';
  /** What the rules made of the last drawing (sizes, colours, captions, and the legend's key). */
  private lastLooks: Looks | null = null;
  /** The value colours a link opened with (SharedView.valueColors): they win over the last drawing's at the next one. */
  private linkColors: CategoryColors | null = null;

  constructor(readonly cy: Core) {
    this.camera = new Camera(cy);
    cy.on('dragfree', 'node', (event) => {
      const node = event.target as NodeSingular;
      this.dragged[node.id()] = { ...node.position() };
      clearTimeout(this.dragTimer);
      this.dragTimer = window.setTimeout(() => {
        const moved = this.dragged;
        this.dragged = {};
        this.change(moveNodes(this.state, moved));
      }, 0);
    });
  }

  get state(): ViewState {
    return this.store.state;
  }

  get canUndo(): boolean {
    return this.store.history.past.length > 0;
  }

  /** The number of the step shown now (see ViewStore.step): the address bar gives each step its own history entry. */
  get step(): number {
    return this.store.step;
  }

  get canRedo(): boolean {
    return this.store.history.future.length > 0;
  }

  /** The canvas changed size (the console drawer, the window): see Camera.resized (drawing the graph closer together is folded into the current step). */
  resized(): void {
    this.camera.resized((positions) => this.change(moveNodes(this.state, positions), 'amend'), this.pinnedIds());
  }

  /** Tells the explorer where panels cover the canvas: fitting keeps the graph clear of them. */
  setOverlays(covered: () => Rect[]): void {
    this.camera.setOverlays(covered);
  }

  onChange(listener: Listener): void {
    this.store.onChange(listener);
  }

  /** A new step in the history (or, with `amend`, a follow-up folded into the current one). */
  change(next: ViewState, how: 'record' | 'amend' = 'record'): void {
    this.store.commit(next, how);
    this.draw();
  }

  /**
   * What the canvas shows after a write to the database (an edit, a merge, a delete): a new step,
   * and every other step of the history brought up to date with the write (`outdated`), so that
   * undo and redo move the canvas, never the database, and never draw what the write deleted.
   */
  afterWrite(next: ViewState, outdated: (state: ViewState) => ViewState): void {
    this.store.rewriteAll(outdated);
    this.change(next);
  }

  undo(): void {
    this.store.undo();
    this.draw();
  }

  redo(): void {
    this.store.redo();
    this.draw();
  }

  get rules(): StyleRules {
    return this.styleRules;
  }

  get looks(): Looks {
    return this.lastLooks ?? computeLooks(this.state, this.styleRules, displayName);
  }

  /** Restyles the canvas by `rules` (no undo step: styling is not a change of what is on the canvas). */
  setStyle(rules: StyleRules, source: Explorer['styleSource']): void {
    this.styleSource = source;
    if (rules === this.styleRules) return;
    this.styleRules = rules;
    this.draw();
  }

  private draw(): void {
    this.lastLooks = computeLooks(this.state, this.styleRules, displayName, this.linkColors ?? this.lastLooks?.categories);
    this.linkColors = null;
    const unplaced = render(this.cy, this.state, this.lastLooks);
    if (unplaced.length > 0) this.placeLoose(unplaced);
    this.store.announce();
  }

  /** Nodes that came without a position: around the middle of the view (a fallback; callers place them). */
  private placeLoose(ids: string[]): void {
    this.store.commit(moveNodes(this.state, this.spotsAround(this.camera.centre(), ids)), 'amend');
    render(this.cy, this.state, this.lastLooks ?? undefined);
  }

  /** Free positions around `at` for new nodes, away from those on the canvas, by node id. */
  private spotsAround(at: Position, ids: string[]): Record<string, Position> {
    const spots = placeAround(at, ids.length, this.occupied());
    return Object.fromEntries(ids.map((id, index) => [id, spots[index]!]));
  }

  private occupied(): Position[] {
    return Object.values(this.state.nodes).flatMap((node) => (node.position ? [node.position] : []));
  }

  private pinnedIds(): Set<string> {
    return new Set(Object.values(this.state.nodes).filter((node) => node.pinned).map((node) => node.data.id));
  }

  /** Replaces the canvas with a view (the start view) and lays it out. */
  async showView(view: GraphView): Promise<void> {
    this.change(addGraph(clearCanvas(this.state), view, { positions: {} }));
    await this.layout({ randomize: true, how: 'amend' });
  }

  /**
   * Draws a console result: replacing the canvas (laid out afresh), or added to it (new nodes placed
   * around the middle of the view, then joined to what is there). Either way one undoable step.
   */
  async showResult(view: GraphView, mode: 'add' | 'replace'): Promise<void> {
    if (mode === 'replace' || Object.keys(this.state.nodes).length === 0) {
      await this.showView(view);
      this.camera.fitClose();
      return;
    }
    const fresh = view.nodes.filter((node) => !this.state.nodes[node.id]);
    this.change(addGraph(this.state, view, { positions: this.spotsAround(this.camera.centre(), fresh.map((node) => node.id)) }));
    this.camera.reveal(view.nodes.map((node) => node.id));
    await this.join(fresh.map((node) => node.id));
  }

  /** Runs the state's layout over the visible nodes and writes where they went (a step of its own, or folded into the last). */
  async layout(options: { randomize?: boolean; how?: 'record' | 'amend'; name?: LayoutName } = {}): Promise<void> {
    const name = options.name ?? this.state.layout;
    const base = setLayout(this.state, name);
    const within = name === 'fcose' ? undefined : this.camera.readableBox();
    const positions = await runLayout(this.cy, name, { randomize: options.randomize, pinned: this.pinnedIds(), roots: this.cy.nodes(':selected'), fit: false, within });
    this.camera.laidOut();
    this.change(moveNodes(base, this.camera.drawnTogether(positions, this.pinnedIds())), options.how ?? 'record');
    this.camera.fitClose();
    // A layout the user chose shows all it placed (the start view, an amend, keeps its readable zoom).
    if ((options.how ?? 'record') === 'record') this.camera.fitWholeIfCut();
  }

  /** Puts a node on the canvas (in the middle of the view) unless it is there; selects and centres it. */
  addNode(node: GraphNode): void {
    let next = this.state;
    const fresh = !next.nodes[node.id];
    const first = Object.keys(next.nodes).length === 0;
    let position: Position | undefined;
    if (fresh) {
      const centre = this.camera.centre();
      [position] = first ? [centre] : placeAround(centre, 1, this.occupied());
      next = addGraph(next, { nodes: [node], edges: [] }, { positions: { [node.id]: position! } });
    }
    // A node hidden, or of a label filtered out, is shown again (one undo step), and the user is told.
    const revealed = revealNode(next, node.id);
    if (revealed.state !== this.state) this.change(revealed.state);
    if (fresh && first) this.cy.zoom({ level: 1, position: position! });
    if (fresh) void this.join([node.id]);
    this.tellRevealed(node, revealed);
    this.focusNode(node.id);
  }

  /**
   * Puts a neighbour of `anchor` on the canvas with the relationship that joins them (the inspector's
   * list): placed around the anchor, shown even if hidden or filtered out, joined to the rest of the
   * canvas; one undo step. The inspector stays on the anchor.
   */
  async addNeighbour(anchor: string, node: GraphNode, edge: GraphEdge): Promise<void> {
    const at = this.state.nodes[anchor]?.position;
    if (!at) return;
    const fresh = !this.state.nodes[node.id];
    const positions = fresh ? this.spotsAround(at, [node.id]) : {};
    const revealed = revealNode(addGraph(this.state, { nodes: [node], edges: [edge] }, { positions }), node.id);
    this.change(revealed.state);
    this.tellRevealed(node, revealed);
    this.camera.reveal([anchor, node.id]);
    if (fresh) await this.join([node.id]);
  }

  /** Says why a node asked for was not drawn, and that it now is (see revealNode). */
  private tellRevealed(node: GraphNode, revealed: { unhidden: boolean; unfiltered: string[]; orphansShown: boolean }): void {
    const name = displayName(node);
    const why = [
      revealed.unhidden ? `${name} was hidden` : null,
      revealed.unfiltered.length > 0 ? `${revealed.unfiltered.join(' and ')} ${revealed.unfiltered.length === 1 ? 'was' : 'were'} filtered out in the legend` : null,
      revealed.orphansShown ? `the legend hid nodes without a visible relationship, as ${name} is` : null,
    ].filter((part): part is string => part !== null);
    if (why.length > 0) toast(`${why.join(', and ')}: ${revealed.unfiltered.length > 0 || revealed.orphansShown ? 'shown again' : 'it shows again'} (undo hides it).`);
  }

  /**
   * The zoom and pan that show `elements` in the largest part of the canvas that no panel covers
   * (legend, overview, counts), `padding` pixels clear of its edges, no closer than `maxZoom` and no
   * further than `minZoom` (then centred there: the camera pans rather than shrinks).
   */
  /** Selects an element alone and centres the view on it. */
  focusNode(id: string): void {
    this.camera.focus(id);
  }

  /** Fits the visible graph into the part of the view no panel covers, animated. */
  fitView(): void {
    this.camera.fitView();
  }

  /**
   * Expands a node: the next page of its neighbours (of one type and direction, or all), placed
   * around it; nodes already on the canvas stay where they are. Then the new nodes are joined to
   * the rest of the canvas by the relationships between them. Resolves with how many were added.
   */
  async expand(id: string, type: string | null = null, direction: Direction | 'both' = 'both'): Promise<number> {
    const anchor = this.cy.getElementById(id);
    if (anchor.empty()) return 0;
    const { query, loaded } = this.nextPage(id, type, direction);
    // The node is marked as loading only when the answer is slow to come (see INDICATOR_DELAY_MS).
    const marking = window.setTimeout(() => this.cy.getElementById(id).addClass('loading'), INDICATOR_DELAY_MS);
    try {
      const asked = performance.now();
      const page = await this.pages.page(id, query);
      timing('fingraph:expand-fetch', asked);
      const drawing = performance.now();
      if (!this.state.nodes[id]) return 0;
      const fresh = page.nodes.filter((node) => !this.state.nodes[node.id]);
      const at = this.state.nodes[id]!.position ?? anchor.position();
      const positions = this.spotsAround(at, fresh.map((node) => node.id));
      const expansion = { anchor: id, type, direction, total: page.total, loaded: loaded + page.edges.length, cursor: page.cursor };
      if (fresh.length < PROGRESSIVE_FROM) this.change(addGraph(this.state, page, { positions, expansion }));
      else {
        // Many new nodes: they are drawn in this frame, their relationships in the next (one step for undo),
        // so that the neighbours appear without waiting for twice as many elements to be styled and drawn.
        this.change(addGraph(this.state, { nodes: page.nodes, edges: [] }, { positions, expansion }));
        await afterNextPaint();
        this.change(addGraph(this.state, { nodes: [], edges: page.edges }, { expansion }), 'amend');
      }
      timing('fingraph:expand-draw', drawing);
      if (page.total === 0) toast(`${this.name(id)} has no ${type ? `${type} ` : ''}relationships${direction === 'both' ? '' : direction === 'out' ? ' going out' : ' coming in'}.`);
      else if (fresh.length === 0 && page.cursor === null) toast(`All neighbours of ${this.name(id)} are already on the canvas.`);
      this.camera.reveal([id, ...fresh.map((node) => node.id)]);
      await this.join(fresh.map((node) => node.id));
      return fresh.length;
    } catch (error) {
      errorToast(error, `Could not expand ${this.name(id)}`);
      return 0;
    } finally {
      clearTimeout(marking);
      this.cy.getElementById(id).removeClass('loading');
    }
  }

  /** What an expansion of `id` asks for now: the next page after what it brought so far. */
  private nextPage(id: string, type: string | null, direction: Direction | 'both'): { query: PageQuery; loaded: number } {
    const previous = findExpansion(this.state, id, type, direction);
    // A finished expansion asked again starts over: it brings back what was removed since.
    const cursor = previous?.cursor ?? null;
    return { query: { type, direction, cursor, limit: this.pageSize }, loaded: cursor ? previous!.loaded : 0 };
  }

  /**
   * A click on a node may be the first of a double-click: the page that a double-click would expand
   * is read now, so that the expansion does not wait for the server (a person's two clicks are
   * 100–250 ms apart). The page stands in for the expansion's own request for READ_AHEAD_MS.
   */
  readAhead(id: string): void {
    if (!this.state.nodes[id]) return;
    this.pages.readAhead(id, this.nextPage(id, null, 'both').query);
  }

  /** Adds the relationships between `ids` and the rest of the canvas, folded into the current step. */
  private async join(ids: string[]): Promise<void> {
    const all = Object.keys(this.state.nodes);
    if (ids.length === 0 || all.length > JOIN_LIMIT) return;
    try {
      const joined = await api.subgraph({ ids: all, focus: ids });
      // Into the canvas as it is now, even if it changed meanwhile (a node pinned, a filter set right
      // after the expansion: those relationships were lost): those of a node no longer on it are left out.
      this.change(addGraph(this.state, { nodes: [], edges: joined.edges }), 'amend');
    } catch (error) {
      errorToast(error, 'Could not read the relationships between the new nodes and the canvas');
    }
  }

  /** Collapses each node (one undo step); says so when none of them had anything to collapse. */
  collapse(ids: string[]): void {
    let next = this.state;
    for (const id of ids) {
      if (!next.nodes[id]) continue;
      if (collapseSet(next, id).size === 0 && !next.expansions.some((expansion) => expansion.anchor === id)) continue;
      next = collapse(next, id);
    }
    if (next === this.state) {
      const what = ids.length === 1 ? `${this.name(ids[0]!)} has` : `None of the ${ids.length} selected nodes has`;
      toast(`${what} nothing to collapse: it was not expanded, or what it added is anchored elsewhere.`);
      return;
    }
    this.change(next);
  }

  remove(ids: string[], edgeIds: string[] = []): void {
    this.change(removeEdges(removeNodes(this.state, ids), edgeIds));
  }

  hide(ids: string[]): void {
    this.change(setHidden(this.state, ids, true));
  }

  /** Shows only these nodes and their neighbours (the others hidden, one step), and fits the view to them. */
  showOnly(ids: string[]): void {
    const next = showOnlyNeighbourhood(this.state, ids);
    if (next !== this.state) this.change(next);
    this.fitView();
  }

  /** Hides the nodes drawn with no relationship drawn (one step); says so when there is none. */
  hideUnconnected(): void {
    const ids = unconnectedNodes(this.state);
    if (ids.length === 0) {
      toast('Every node on the canvas has a visible relationship: there is nothing to hide.');
      return;
    }
    this.change(setHidden(this.state, ids, true));
  }

  pin(ids: string[], pinned: boolean): void {
    this.change(setPinned(this.state, ids, pinned));
  }

  /** Shortest paths: added to the canvas (new nodes placed between the ends) and highlighted. */
  async findPaths(from: GraphNode, to: GraphNode, query: PathQuery): Promise<string> {
    const { maxHops } = query;
    const result = await api.paths(from.id, to.id, { maxHops, types: query.types ?? undefined, direction: query.direction });
    const names = `${displayName(from)} and ${displayName(to)}`;
    const how = queryWords(query);
    if (result.length === null) {
      // The path of an earlier search is not this one's answer.
      this.clearHighlight();
      return `No path between ${names} within ${maxHops} hop${maxHops === 1 ? '' : 's'}${how}. Try more hops${how === '' ? '' : ', more types or either direction'}.`;
    }
    const view: GraphView = { nodes: result.paths.flatMap((path) => path.nodes), edges: result.paths.flatMap((path) => path.edges) };
    const unique = new Map(view.nodes.map((node) => [node.id, node]));
    const fresh = [...unique.values()].filter((node) => !this.state.nodes[node.id]);
    const anchor = this.state.nodes[from.id]?.position ?? this.state.nodes[to.id]?.position ?? { x: 0, y: 0 };
    let next = addGraph(this.state, view, { positions: this.spotsAround(anchor, fresh.map((node) => node.id)) });
    next = setHighlight(next, { nodes: [...unique.keys()], edges: [...new Set(view.edges.map((edge) => edge.id))] });
    this.change(next);
    this.camera.frameHighlight();
    const count = result.paths.length;
    return `${count}${result.truncated ? '+' : ''} shortest path${count === 1 ? '' : 's'} of ${result.length} hop${result.length === 1 ? '' : 's'} between ${names}${how}.`;
  }

  /** Takes the path highlight away: a view change, not a step of the undo history. */
  clearHighlight(): void {
    if (this.state.highlight) this.change(setHighlight(this.state, null), 'amend');
  }

  /** The view for the URL (without highlight or expansions). */
  shareText(): string {
    const nodes = Object.values(this.state.nodes);
    return encodeView({
      ids: nodes.map((node) => node.data.id),
      positions: Object.fromEntries(nodes.flatMap((node) => (node.position ? [[node.data.id, node.position]] : []))),
      pinned: nodes.filter((node) => node.pinned).map((node) => node.data.id),
      hidden: nodes.filter((node) => node.hidden).map((node) => node.data.id),
      filters: this.state.filters,
      layout: this.state.layout,
      keys: Object.fromEntries(nodes.flatMap((node) => (isStableKey(node.data.properties.id) ? [[node.data.id, node.data.properties.id]] : []))),
      styling: this.styleRules,
      camera: { ...this.camera.centre(), zoom: this.cy.zoom() },
      valueColors: this.lastLooks?.categories ? [...this.lastLooks.categories.slots] : undefined,
    });
  }

  /** The value colours of a link's view, for its colour rule (null: none, or the link's rule colours by something else). */
  private colorsOf(view: SharedView): CategoryColors | null {
    const rule = this.styleRules.color;
    return view.valueColors && rule.by === 'property' ? { property: rule.property, slots: new Map(view.valueColors) } : null;
  }

  /**
   * Reopens a shared view: its nodes as they are in the database now, where they were, with its
   * filters and layout, and seen as it was (the camera) when the link holds it. `stillWanted` is
   * asked once the nodes are read: another view asked for since (back, forward) wins.
   */
  async openShared(text: string, stillWanted: () => boolean = () => true): Promise<void> {
    const linked = decodeView(text);
    const result = linked.ids.length > 0 ? await api.subgraph({ ids: linked.ids, keys: linked.keys }) : { nodes: [], edges: [], missing: [], truncated: false, renamed: {} };
    if (!stillWanted()) return;
    // Nodes whose stable key names another elementId now (the database was reseeded) keep their place.
    const shared = renameView(linked, result.renamed);
    let next = addGraph(emptyView(), result, { positions: shared.positions });
    next = setHidden(setPinned(next, shared.pinned, true), shared.hidden, true);
    next = { ...setLayout(next, shared.layout), filters: shared.filters };
    // A link's styling rules win over those this browser kept for the database (and replace them).
    if (shared.styling) {
      this.styleRules = shared.styling;
      this.styleSource = 'link';
    }
    this.linkColors = this.colorsOf(shared);
    if (shared.stylingProblems) toast(`Some of the link's styling could not be read (${shared.stylingProblems.join(', ')}): the default is used for it.`, 'error');
    this.store.reset(next);
    this.draw();
    if (result.missing.length > 0) toast(`${result.missing.length} node${result.missing.length === 1 ? '' : 's'} of this view no longer exist${result.missing.length === 1 ? 's' : ''} in the database.`, 'error');
    if (Object.keys(shared.positions).length < result.nodes.length) await this.layout({ how: 'amend' });
    else if (shared.camera) this.camera.lookAt(shared.camera);
    else this.camera.fitClose();
  }

  /**
   * Back or Forward to a view of this page's undo history: undone or redone to that step, so that the
   * history stays (Ctrl+Z still goes back from there, and a collapse still knows what each expansion
   * added), and seen as the entry holds it (its camera and styling). False when no step of the history
   * shows it (a link from elsewhere, a view from before a reload): openShared opens it then.
   */
  travelTo(text: string | null): boolean {
    let view: SharedView | null = null;
    try {
      view = text === null ? null : decodeView(text);
    } catch {
      return false;
    }
    // (An address without a view, for a step of the history: the canvas emptied.)
    const steps = stepsTo(this.store.history, view ? (state) => showsView(state, view) : (state) => Object.keys(state.nodes).length === 0);
    if (steps === null) return false;
    for (let k = steps; k < 0; k += 1) this.store.undo();
    for (let k = steps; k > 0; k -= 1) this.store.redo();
    const restyled = view?.styling !== undefined && JSON.stringify(view.styling) !== JSON.stringify(this.styleRules);
    if (restyled) {
      this.styleRules = view!.styling!;
      this.styleSource = 'link';
      this.linkColors = this.colorsOf(view!);
    }
    if (steps !== 0 || restyled) this.draw();
    if (view?.camera) this.camera.lookAt(view.camera);
    return true;
  }

  /** Centres the view on a point of the graph at a zoom (within the canvas's limits). */
  lookAt(camera: { x: number; y: number; zoom: number }): void {
    this.camera.lookAt(camera);
  }

  setPageSize(size: number): void {
    this.pageSize = size;
    storePageSize(size);
  }

  name(id: string): string {
    const node = this.state.nodes[id];
    return node ? displayName(node.data) : 'the node';
  }
}

/** A node's `id` that is a stable key (a slug such as "huaxia-bank", as the seed and the change API give them). */
function isStableKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/**
 * A User Timing measure: an expansion's request and drawing show in the browser's profiler (and the
 * UI bench reads them). Only the latest of each name is kept, so that a long session does not pile them up.
 */
function timing(name: string, start: number): void {
  performance.clearMeasures(name);
  performance.measure(name, { start });
}

