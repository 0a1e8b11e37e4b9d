/**
 * The explorer: holds the history of view states, turns user actions into new states (the pure
 * functions of state/), has Cytoscape draw each one, and talks to the API. Panels (search,
 * inspector, paths, legend, menu) call its methods; it tells them when the state changed.
 */
import type { Collection, Core, NodeSingular } from 'cytoscape';
import type { Direction, GraphEdge, GraphNode, GraphView, NeighborPage } from '../../server/contract';
import { api, whileLoading } from './api';
import { displayName, READABLE_ZOOM, render, runLayout } from './graph';
import { fitInto, freeArea, type Rect } from './layout';
import { queryWords, type PathQuery } from './paths/query';
import {
  addGraph,
  amend,
  clearCanvas,
  collapse,
  drawTogether,
  collapseSet,
  decodeView,
  renameView,
  emptyView,
  encodeView,
  findExpansion,
  moveNodes,
  placeAround,
  record,
  redo,
  removeEdges,
  removeNodes,
  revealNode,
  setHidden,
  setHighlight,
  setLayout,
  setPinned,
  showOnlyNeighbourhood,
  startHistory,
  unconnectedNodes,
  undo,
  type History,
  type LayoutName,
  type Position,
  type ViewState,
} from './state';
import { computeLooks, DEFAULT_RULES, type Looks, type StyleRules } from './styling';
import { INDICATOR_DELAY_MS } from './ui/indicator';
import { errorToast, toast } from './ui/toast';

export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
const PAGE_SIZE_KEY = 'fingraph.pageSize';
/** Resolves once the browser has painted the next frame (a task queued from its animation frame runs after the paint). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** How much closer together a fresh layout may be drawn to fit the free part of the canvas at a readable zoom. */
const MIN_SPREAD = 0.5;
/** Pixels between a framed graph and the edges of the free part of the canvas. */
const FRAME_PADDING = 40;
/** From this many new nodes, an expansion draws the nodes a frame before their relationships. */
const PROGRESSIVE_FROM = 30;
/** Beyond this many nodes the canvas is not joined up after an expansion (the API takes 5,000 ids). */
const JOIN_LIMIT = 5_000;

type Listener = (state: ViewState, history: History) => void;

/** How long a page read ahead at a click may stand in for the expansion's own request. */
const READ_AHEAD_MS = 2_000;

interface PageQuery {
  type: string | null;
  direction: Direction | 'both';
  cursor: string | null;
  limit: number;
}

function pageKey(id: string, query: PageQuery): string {
  return JSON.stringify([id, query.type, query.direction, query.cursor, query.limit]);
}

export class Explorer {
  private history: History = startHistory(emptyView());
  private readonly listeners: Listener[] = [];
  /** Positions of nodes being dragged, written as one step when the drag ends. */
  private dragged: Record<string, Position> = {};
  private dragTimer = 0;
  /** The page read ahead at the last click on a node (see readAhead). */
  private aheadPage: { key: string; at: number; page: Promise<NeighborPage>; controller: AbortController } | null = null;
  /** How many neighbours one expansion brings (a preference of this browser). */
  pageSize: number = readPageSize();
  /** The parts of the canvas that panels cover (legend, overview, counts), in the canvas's pixels. */
  private covered: () => Rect[] = () => [];
  /** How close together the last layout has been drawn since it ran (1: as it was; see drawnTogether). */
  private spread = 1;
  /** The canvas's size when last measured (see resized). */
  private size: { w: number; h: number };
  /** The styling rules (how the canvas looks, not what is on it: outside the undo history) and where they came from. */
  private styleRules: StyleRules = DEFAULT_RULES;
  styleSource: 'default' | 'stored' | 'link' | 'user' = 'default';
  /** What the rules made of the last drawing (sizes, colours, captions, and the legend's key). */
  private lastLooks: Looks | null = null;

  constructor(readonly cy: Core) {
    this.size = { w: cy.width(), h: cy.height() };
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
    return this.history.present;
  }

  get canUndo(): boolean {
    return this.history.past.length > 0;
  }

  get canRedo(): boolean {
    return this.history.future.length > 0;
  }

  /**
   * The canvas changed size (the console drawer, the window): what was in the middle of the view
   * stays there, and a graph that was wholly in view stays so (zooming out as much as it must).
   */
  resized(): void {
    // A fit or framing still under way (the start view's, say, when the console opens at once) ends
    // where it was going first: what follows judges the view the user is about to see.
    if (this.cy.animated()) this.cy.stop(true, true);
    const before = this.size;
    const visible = this.cy.elements(':visible');
    // Rendered positions depend on the pan and zoom only, not on the canvas's size.
    const box = visible.nonempty() ? visible.renderedBoundingBox() : null;
    const whole = box !== null && box.x1 >= -1 && box.y1 >= -1 && box.x2 <= before.w + 1 && box.y2 <= before.h + 1;
    this.cy.resize();
    this.size = { w: this.cy.width(), h: this.cy.height() };
    if (before.w === 0 || before.h === 0 || this.size.w === 0 || this.size.h === 0) return;
    this.cy.panBy({ x: (this.size.w - before.w) / 2, y: (this.size.h - before.h) / 2 });
    if (whole && (this.size.w < before.w || this.size.h < before.h)) {
      let view = this.fitting(visible, 20, this.cy.zoom());
      if (view && view.zoom < READABLE_ZOOM && this.cy.zoom() >= READABLE_ZOOM) {
        // Rather than zoom out past the labels, the graph is drawn closer together, when that is
        // enough (see drawnTogether) and it has not been drawn together that much already.
        const positions = Object.fromEntries(visible.nodes().map((node) => [node.id(), { ...node.position() }]));
        const together = this.drawnTogether(positions, this.spread);
        if (together !== positions) {
          this.change(moveNodes(this.state, together), 'amend');
          view = this.fitting(this.cy.elements(':visible'), 20, this.cy.zoom());
        }
      }
      if (view) this.cy.viewport(view);
    }
  }

  /** Tells the explorer where panels cover the canvas: fitting keeps the graph clear of them. */
  setOverlays(covered: () => Rect[]): void {
    this.covered = covered;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** A new step in the history (or, with `amend`, a follow-up folded into the current one). */
  change(next: ViewState, how: 'record' | 'amend' = 'record'): void {
    this.history = how === 'record' ? record(this.history, next) : amend(this.history, next);
    this.draw();
  }

  undo(): void {
    this.history = undo(this.history);
    this.draw();
  }

  redo(): void {
    this.history = redo(this.history);
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
    this.lastLooks = computeLooks(this.state, this.styleRules, displayName);
    const unplaced = render(this.cy, this.state, this.lastLooks);
    if (unplaced.length > 0) this.placeLoose(unplaced);
    for (const listener of this.listeners) listener(this.state, this.history);
  }

  /** Nodes that came without a position: around the middle of the view (a fallback; callers place them). */
  private placeLoose(ids: string[]): void {
    this.history = amend(this.history, moveNodes(this.state, this.spotsAround(this.viewCentre(), ids)));
    render(this.cy, this.state, this.lastLooks ?? undefined);
  }

  /** The middle of what the view shows, in graph coordinates. */
  private viewCentre(): Position {
    const extent = this.cy.extent();
    return { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 };
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
      this.fitClose();
      return;
    }
    const fresh = view.nodes.filter((node) => !this.state.nodes[node.id]);
    this.change(addGraph(this.state, view, { positions: this.spotsAround(this.viewCentre(), fresh.map((node) => node.id)) }));
    this.reveal(view.nodes.map((node) => node.id));
    await this.join(fresh.map((node) => node.id));
  }

  /** Runs the state's layout over the visible nodes and writes where they went (a step of its own, or folded into the last). */
  async layout(options: { randomize?: boolean; how?: 'record' | 'amend'; name?: LayoutName } = {}): Promise<void> {
    const name = options.name ?? this.state.layout;
    const base = setLayout(this.state, name);
    const within = name === 'concentric' || name === 'breadthfirst' ? this.readableBox() : undefined;
    const positions = await runLayout(this.cy, name, { randomize: options.randomize, pinned: this.pinnedIds(), roots: this.cy.nodes(':selected'), fit: false, within });
    this.spread = 1;
    this.change(moveNodes(base, this.drawnTogether(positions)), options.how ?? 'record');
    this.fitClose();
  }

  /**
   * A fresh layout (drawn already, by the layout run) that would need a zoom below the readable one to
   * fit the free part of the canvas: its positions drawn closer together, at most to MIN_SPREAD of
   * their distances since the layout ran, so that it fits there with its labels readable (or needs
   * less zooming out). Otherwise as they are.
   */
  private drawnTogether(positions: Record<string, Position>, spread = 1): Record<string, Position> {
    const visible = this.cy.elements(':visible');
    const view = this.fitting(visible, FRAME_PADDING);
    if (!view || view.zoom >= READABLE_ZOOM) return positions;
    // (Labels keep their size: the box shrinks a little less than the distances, hence the margin.)
    const factor = (view.zoom / READABLE_ZOOM) * 0.95;
    // `spread`: how close together the layout has been drawn already (after a resize).
    const applied = Math.max(MIN_SPREAD / spread, factor);
    if (applied >= 0.99) return positions;
    const box = visible.boundingBox();
    const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
    this.spread = spread * applied;
    return drawTogether(positions, centre, applied, this.pinnedIds());
  }

  /** Puts a node on the canvas (in the middle of the view) unless it is there; selects and centres it. */
  addNode(node: GraphNode): void {
    let next = this.state;
    const fresh = !next.nodes[node.id];
    const first = Object.keys(next.nodes).length === 0;
    let position: Position | undefined;
    if (fresh) {
      const centre = this.viewCentre();
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
    this.reveal([anchor, node.id]);
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
  private fitting(elements: Collection, padding: number, maxZoom = this.cy.maxZoom(), minZoom = this.cy.minZoom()): { zoom: number; pan: Position } | null {
    if (elements.empty()) return null;
    const box = elements.boundingBox();
    const area = freeArea({ w: this.cy.width(), h: this.cy.height() }, this.covered(), box, padding);
    return fitInto(box, area, padding, { min: Math.min(minZoom, maxZoom), max: maxZoom });
  }

  /** The part of the canvas clear of the panels, in model units at the readable zoom (what a layout may fill). */
  private readableBox(): { x1: number; y1: number; w: number; h: number } {
    const size = { w: this.cy.width(), h: this.cy.height() };
    const area = freeArea(size, this.covered(), size, FRAME_PADDING);
    return { x1: 0, y1: 0, w: Math.max(100, (area.x2 - area.x1 - 2 * FRAME_PADDING) / READABLE_ZOOM), h: Math.max(100, (area.y2 - area.y1 - 2 * FRAME_PADDING) / READABLE_ZOOM) };
  }

  /** Brings these nodes into view when some are outside it or under a panel, without zooming in past 1.5. */
  private reveal(ids: string[]): void {
    const wanted = new Set(ids);
    const nodes = this.cy.nodes().filter((node) => wanted.has(node.id()));
    const width = this.cy.width();
    const height = this.cy.height();
    const covered = this.covered();
    // A node counts with its label: any part of it cut off or under a panel is not in view.
    const outside = nodes.some((node) => {
      const b = node.renderedBoundingBox();
      return b.x1 < 0 || b.x2 > width || b.y1 < 0 || b.y2 > height || covered.some((r) => b.x1 < r.x2 && r.x1 < b.x2 && b.y1 < r.y2 && r.y1 < b.y2);
    });
    if (!outside) return;
    this.cy.stop();
    const view = this.fitting(nodes, 50, 1.5);
    if (view) this.cy.viewport(view);
  }

  /**
   * Fits the graph into the view at once, no closer than zoom 1.5 (a few nodes would fill the
   * screen), like an expansion, and no further than the readable zoom (a large graph is centred).
   */
  private fitClose(): void {
    const view = this.fitting(this.cy.elements(':visible'), FRAME_PADDING, 1.5, READABLE_ZOOM);
    if (view) this.cy.viewport(view);
  }

  /** Fits the visible graph into the part of the view no panel covers, animated. */
  fitView(): void {
    const view = this.fitting(this.cy.elements(':visible'), 40);
    if (view) this.cy.animate({ ...view, duration: 200 });
  }

  focusNode(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.elements().unselect();
    element.select();
    this.cy.animate({ center: { eles: element }, duration: 200 });
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
      const page = await this.neighborPage(id, query);
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
      this.reveal([id, ...fresh.map((node) => node.id)]);
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
    const { query } = this.nextPage(id, null, 'both');
    const key = pageKey(id, query);
    if (this.aheadPage?.key === key && performance.now() - this.aheadPage.at < READ_AHEAD_MS) return;
    this.aheadPage?.controller.abort();
    const controller = new AbortController();
    const page = api.neighbors(id, { ...query, signal: controller.signal, speculative: true });
    page.catch(() => undefined);
    this.aheadPage = { key, at: performance.now(), page, controller };
  }

  /** The page, from what was read ahead when it is that page and fresh, else from the API. */
  private neighborPage(id: string, query: PageQuery): Promise<NeighborPage> {
    const ahead = this.aheadPage;
    this.aheadPage = null;
    if (ahead && ahead.key === pageKey(id, query) && performance.now() - ahead.at < READ_AHEAD_MS) {
      // Waited for, it shows as loading; if it failed, it is asked again as a request of its own
      // (retried, its error reported).
      return whileLoading(ahead.page).catch(() => api.neighbors(id, query));
    }
    ahead?.controller.abort();
    return api.neighbors(id, query);
  }

  /** Adds the relationships between `ids` and the rest of the canvas, folded into the current step. */
  private async join(ids: string[]): Promise<void> {
    const all = Object.keys(this.state.nodes);
    if (ids.length === 0 || all.length > JOIN_LIMIT) return;
    const expected = this.state;
    try {
      const joined = await api.subgraph({ ids: all, focus: ids });
      if (this.state !== expected) return;
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
    // Framed with its labels readable: centred in the free part of the canvas, panned rather than shrunk.
    const framing = this.fitting(this.cy.elements('.highlighted'), 60, 1.5, READABLE_ZOOM);
    if (framing) this.cy.animate({ ...framing, duration: 250 });
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
      camera: { ...this.viewCentre(), zoom: this.cy.zoom() },
    });
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
    if (shared.stylingProblems) toast(`Some of the link's styling could not be read (${shared.stylingProblems.join(', ')}): the default is used for it.`, 'error');
    this.history = startHistory(next);
    this.draw();
    if (result.missing.length > 0) toast(`${result.missing.length} node${result.missing.length === 1 ? '' : 's'} of this view no longer exist${result.missing.length === 1 ? 's' : ''} in the database.`, 'error');
    if (Object.keys(shared.positions).length < result.nodes.length) await this.layout({ how: 'amend' });
    else if (shared.camera) this.lookAt(shared.camera);
    else this.fitClose();
  }

  /** Centres the view on a point of the graph at a zoom (within the canvas's limits). */
  lookAt(camera: { x: number; y: number; zoom: number }): void {
    this.cy.stop();
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), camera.zoom));
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - zoom * camera.x, y: this.cy.height() / 2 - zoom * camera.y } });
  }

  setPageSize(size: number): void {
    this.pageSize = size;
    try {
      localStorage.setItem(PAGE_SIZE_KEY, String(size));
    } catch {
      // Storage may be off (private windows); the choice then lasts for this page only.
    }
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

function readPageSize(): number {
  try {
    const stored = Number(localStorage.getItem(PAGE_SIZE_KEY));
    return (PAGE_SIZES as readonly number[]).includes(stored) ? stored : PAGE_SIZES[0];
  } catch {
    return PAGE_SIZES[0];
  }
}
