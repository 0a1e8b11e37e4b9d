/**
 * The explorer's state in one plain model: what is on the canvas (nodes with their positions, pins
 * and hidden flags, and the relationships between them), what each expansion added, the filters,
 * the layout and the highlighted path. Every user action is a pure function from one state to the
 * next; Cytoscape only draws the result (graph/render.ts). No DOM, no fetch here.
 */
import type { Direction, GraphEdge, GraphNode, GraphView } from '../../../server/contract';

/**
 * `compute` remembered per state: a state is never changed (each change makes a new one), so what
 * is worked out of it holds as long as it lives. The legend, the counts, the text view and the render
 * step each ask after every change, a styling rule's too (at 1,000 nodes, 1 to 2 ms a question).
 * The value is shared: it is read-only.
 */
export function perState<T>(compute: (state: ViewState) => T): (state: ViewState) => T {
  const known = new WeakMap<ViewState, T>();
  return (state) => {
    if (known.has(state)) return known.get(state)!;
    const value = compute(state);
    known.set(state, value);
    return value;
  };
}

export interface Position {
  x: number;
  y: number;
}

export interface CanvasNode {
  data: GraphNode;
  /** Where it is drawn; null until a layout has placed it. */
  position: Position | null;
  /** Pinned nodes keep their place when a layout runs. */
  pinned: boolean;
  hidden: boolean;
}

/** What one expansion of a node asked for, what it added, and where its paging stands. */
export interface Expansion {
  id: string;
  /** The node that was expanded. */
  anchor: string;
  type: string | null;
  direction: Direction | 'both';
  /** Nodes and relationships this expansion put on the canvas (not those already there). */
  nodes: string[];
  edges: string[];
  /** How many neighbours match in all, how many pages' worth were asked for, and the next page. */
  total: number;
  loaded: number;
  cursor: string | null;
}

export interface YearRange {
  from: number;
  to: number;
}

export interface Filters {
  hiddenLabels: string[];
  hiddenTypes: string[];
  /** Relationships dated outside this range are hidden; null: no date filter. */
  years: YearRange | null;
  /** With a date filter on, whether relationships that carry no date stay visible. */
  keepUndated: boolean;
  /**
   * Whether nodes without a visible relationship are hidden too (those whose relationships the other
   * filters all take away, and those with none on the canvas), so that "only PARTNERS_WITH" leaves
   * the partners alone.
   */
  hideOrphans: boolean;
}

export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface Highlight {
  nodes: string[];
  edges: string[];
}

export interface ViewState {
  nodes: Readonly<Record<string, CanvasNode>>;
  edges: Readonly<Record<string, GraphEdge>>;
  expansions: readonly Expansion[];
  filters: Filters;
  layout: LayoutName;
  highlight: Highlight | null;
  /** Numbers the next expansion. */
  serial: number;
}

export const NO_FILTERS: Filters = { hiddenLabels: [], hiddenTypes: [], years: null, keepUndated: true, hideOrphans: false };

export function emptyView(): ViewState {
  return { nodes: {}, edges: {}, expansions: [], filters: NO_FILTERS, layout: 'fcose', highlight: null, serial: 1 };
}

export interface AddOptions {
  /** Where new nodes go (by id); nodes without one wait for a layout. */
  positions?: Readonly<Record<string, Position>>;
  /** Record the addition as an expansion of this node, with its query and paging. */
  expansion?: { anchor: string; type: string | null; direction: Direction | 'both'; total: number; loaded: number; cursor: string | null };
}

/**
 * Puts nodes and relationships on the canvas. Nodes already there keep their place (their data is
 * refreshed); relationships whose two ends are not on the canvas are left out. With `expansion`,
 * what was new is recorded, so that collapsing the anchor can take it away again; a next page of
 * the same query extends the same expansion.
 */
export function addGraph(state: ViewState, view: GraphView, options: AddOptions = {}): ViewState {
  const nodes: Record<string, CanvasNode> = { ...state.nodes };
  const newNodes: string[] = [];
  for (const node of view.nodes) {
    const existing = nodes[node.id];
    if (existing) {
      nodes[node.id] = { ...existing, data: node };
    } else {
      nodes[node.id] = { data: node, position: options.positions?.[node.id] ?? null, pinned: false, hidden: false };
      newNodes.push(node.id);
    }
  }
  const edges: Record<string, GraphEdge> = { ...state.edges };
  const newEdges: string[] = [];
  for (const edge of view.edges) {
    if (!nodes[edge.source] || !nodes[edge.target]) continue;
    if (!edges[edge.id]) newEdges.push(edge.id);
    edges[edge.id] = edge;
  }
  let { expansions, serial } = state;
  const asked = options.expansion;
  if (asked) {
    const same = expansions.find((each) => each.anchor === asked.anchor && each.type === asked.type && each.direction === asked.direction);
    if (same) {
      const grown: Expansion = { ...same, nodes: [...same.nodes, ...newNodes], edges: [...same.edges, ...newEdges], total: asked.total, loaded: asked.loaded, cursor: asked.cursor };
      expansions = expansions.map((each) => (each === same ? grown : each));
    } else {
      expansions = [...expansions, { id: `x${serial}`, ...asked, nodes: newNodes, edges: newEdges }];
      serial += 1;
    }
  }
  return { ...state, nodes, edges, expansions, serial };
}

/** Takes nodes off the canvas with their relationships; expansions forget them. */
export function removeNodes(state: ViewState, ids: Iterable<string>): ViewState {
  const gone = new Set(ids);
  if (gone.size === 0) return state;
  const nodes = Object.fromEntries(Object.entries(state.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(Object.entries(state.edges).filter(([, edge]) => !gone.has(edge.source) && !gone.has(edge.target)));
  const expansions = state.expansions
    .filter((expansion) => !gone.has(expansion.anchor))
    .map((expansion) => ({ ...expansion, nodes: expansion.nodes.filter((id) => !gone.has(id)), edges: expansion.edges.filter((id) => edges[id]) }));
  const highlight = state.highlight ? { nodes: state.highlight.nodes.filter((id) => nodes[id]), edges: state.highlight.edges.filter((id) => edges[id]) } : null;
  return { ...state, nodes, edges, expansions, highlight };
}

/** Takes relationships off the canvas (their nodes stay). */
export function removeEdges(state: ViewState, ids: Iterable<string>): ViewState {
  const gone = new Set(ids);
  if (gone.size === 0) return state;
  const edges = Object.fromEntries(Object.entries(state.edges).filter(([id]) => !gone.has(id)));
  return { ...state, edges, expansions: state.expansions.map((expansion) => ({ ...expansion, edges: expansion.edges.filter((id) => !gone.has(id)) })) };
}

/**
 * What collapsing `anchor` takes away: the nodes its expansions added, unless they are pinned or
 * anchored elsewhere (joined to a node that stays, other than through the collapsing node), and,
 * in turn, what the expansions of the removed nodes added. Pure.
 */
export function collapseSet(state: ViewState, anchor: string): Set<string> {
  // Everything the anchor's expansions added, and what the expansions of those nodes added, in turn.
  const descendants = new Set<string>();
  const queue = [anchor];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const expansion of state.expansions) {
      if (expansion.anchor !== current) continue;
      for (const id of expansion.nodes) {
        if (id === anchor || descendants.has(id) || !state.nodes[id] || state.nodes[id].pinned) continue;
        descendants.add(id);
        queue.push(id);
      }
    }
  }
  // A descendant stays when it is joined to a node that stays (not the anchor); staying spreads.
  const neighbours = adjacency(state);
  const staying = new Set<string>();
  const spread = [...descendants].filter((id) => [...(neighbours.get(id) ?? [])].some((other) => other !== anchor && !descendants.has(other)));
  for (const id of spread) staying.add(id);
  while (spread.length > 0) {
    for (const other of neighbours.get(spread.pop()!) ?? []) {
      if (descendants.has(other) && !staying.has(other)) {
        staying.add(other);
        spread.push(other);
      }
    }
  }
  return new Set([...descendants].filter((id) => !staying.has(id)));
}

/** Collapses a node: what its expansions added goes (see collapseSet), and its expansions end. */
export function collapse(state: ViewState, anchor: string): ViewState {
  const removed = collapseSet(state, anchor);
  const next = removeNodes(state, removed);
  return { ...next, expansions: next.expansions.filter((expansion) => expansion.anchor !== anchor) };
}

function adjacency(state: ViewState): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const edge of Object.values(state.edges)) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  return map;
}

function updateNodes(state: ViewState, ids: Iterable<string>, change: (node: CanvasNode) => CanvasNode): ViewState {
  const nodes = { ...state.nodes };
  let changed = false;
  for (const id of ids) {
    const node = nodes[id];
    if (!node) continue;
    const next = change(node);
    if (next !== node) {
      nodes[id] = next;
      changed = true;
    }
  }
  return changed ? { ...state, nodes } : state;
}

export function setHidden(state: ViewState, ids: Iterable<string>, hidden: boolean): ViewState {
  return updateNodes(state, ids, (node) => (node.hidden === hidden ? node : { ...node, hidden }));
}

/**
 * Makes a node of the canvas visible: unhidden, its labels no longer filtered out when every one of
 * them is (a node with one label still shown is drawn), and orphans no longer hidden when that is
 * what still hides it. Says what it changed, for the user. Pure.
 */
export function revealNode(state: ViewState, id: string): { state: ViewState; unhidden: boolean; unfiltered: string[]; orphansShown: boolean } {
  const node = state.nodes[id];
  if (!node) return { state, unhidden: false, unfiltered: [], orphansShown: false };
  let next = node.hidden ? setHidden(state, [id], false) : state;
  const hiddenLabels = new Set(next.filters.hiddenLabels);
  const unfiltered = node.data.labels.length > 0 && node.data.labels.every((label) => hiddenLabels.has(label)) ? node.data.labels : [];
  if (unfiltered.length > 0) next = { ...next, filters: { ...next.filters, hiddenLabels: next.filters.hiddenLabels.filter((label) => !unfiltered.includes(label)) } };
  const orphansShown = next.filters.hideOrphans && !visibleElements(next).nodes.has(id);
  if (orphansShown) next = { ...next, filters: { ...next.filters, hideOrphans: false } };
  return { state: next, unhidden: node.hidden, unfiltered, orphansShown };
}

export function showAllHidden(state: ViewState): ViewState {
  return setHidden(state, Object.keys(state.nodes), false);
}

export function setPinned(state: ViewState, ids: Iterable<string>, pinned: boolean): ViewState {
  return updateNodes(state, ids, (node) => (node.pinned === pinned ? node : { ...node, pinned }));
}

/** New positions (after a drag or a layout); unknown ids and unchanged positions are ignored. */
export function moveNodes(state: ViewState, positions: Readonly<Record<string, Position>>): ViewState {
  return updateNodes(state, Object.keys(positions), (node) => {
    const position = positions[node.data.id]!;
    if (node.position && Math.abs(node.position.x - position.x) < 0.5 && Math.abs(node.position.y - position.y) < 0.5) return node;
    return { ...node, position: { x: Math.round(position.x * 10) / 10, y: Math.round(position.y * 10) / 10 } };
  });
}

function toggle(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((each) => each !== item) : [...list, item].sort();
}

export function toggleLabel(state: ViewState, label: string): ViewState {
  return { ...state, filters: { ...state.filters, hiddenLabels: toggle(state.filters.hiddenLabels, label) } };
}

export function toggleType(state: ViewState, type: string): ViewState {
  return { ...state, filters: { ...state.filters, hiddenTypes: toggle(state.filters.hiddenTypes, type) } };
}

export function setYears(state: ViewState, years: YearRange | null, keepUndated = state.filters.keepUndated): ViewState {
  const range = years && years.from > years.to ? { from: years.to, to: years.from } : years;
  return { ...state, filters: { ...state.filters, years: range, keepUndated } };
}

export function clearFilters(state: ViewState): ViewState {
  return { ...state, filters: NO_FILTERS };
}

export function setLayout(state: ViewState, layout: LayoutName): ViewState {
  return state.layout === layout ? state : { ...state, layout };
}

export function setHighlight(state: ViewState, highlight: Highlight | null): ViewState {
  return { ...state, highlight };
}

export function clearCanvas(state: ViewState): ViewState {
  return { ...emptyView(), filters: state.filters, layout: state.layout, serial: state.serial };
}

/**
 * The year a relationship is dated to, from a `year` property or a date-like one (`date`, `since`,
 * `startDate`, `announced`, … holding a year or an ISO date); null when it has none. Pure.
 */
const DATE_KEYS = ['year', 'date', 'since', 'startDate', 'start', 'announced', 'announcedOn', 'signed', 'founded', 'from', 'validFrom', 'orderDate'];
export function edgeYear(edge: GraphEdge): number | null {
  for (const key of DATE_KEYS) {
    const value = edge.properties[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 2999) return value;
    if (typeof value === 'string') {
      const match = /^(\d{4})(?:-\d{2}(?:-\d{2})?)?(?:T|$| )/.exec(value.trim());
      if (match) return Number(match[1]);
    }
  }
  return null;
}

/** The years that relationships on the canvas are dated to (empty when none is dated). Pure. */
export const yearSpan = perState(function yearSpan(state: ViewState): Readonly<YearRange> | null {
  const years = Object.values(state.edges).map(edgeYear).filter((year): year is number => year !== null);
  if (years.length === 0) return null;
  return { from: Math.min(...years), to: Math.max(...years) };
});

/** Whether a relationship passes the type and date filters (its ends aside). Pure. */
export function passesRelationshipFilters(edge: GraphEdge, filters: Filters): boolean {
  if (filters.hiddenTypes.includes(edge.type)) return false;
  if (!filters.years) return true;
  const year = edgeYear(edge);
  return year === null ? filters.keepUndated : year >= filters.years.from && year <= filters.years.to;
}

/** Whether a node is drawn as far as its own flags and labels go (not hidden, not every label filtered out). Pure. */
export function nodeShown(node: CanvasNode, hiddenLabels: ReadonlySet<string>): boolean {
  return !node.hidden && !(node.data.labels.length > 0 && node.data.labels.every((label) => hiddenLabels.has(label)));
}

/**
 * What is drawn: nodes not hidden and not filtered out by label; relationships between them that
 * pass the type and date filters; with `hideOrphans`, only the nodes that have one of those. Pure.
 */
export const visibleElements = perState(function visibleElements(state: ViewState): { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } {
  const hiddenLabels = new Set(state.filters.hiddenLabels);
  const nodes = new Set<string>();
  for (const [id, node] of Object.entries(state.nodes)) if (nodeShown(node, hiddenLabels)) nodes.add(id);
  const edges = new Set<string>();
  const linked = new Set<string>();
  for (const [id, edge] of Object.entries(state.edges)) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target) || !passesRelationshipFilters(edge, state.filters)) continue;
    edges.add(id);
    linked.add(edge.source).add(edge.target);
  }
  return { nodes: state.filters.hideOrphans ? linked : nodes, edges };
});

/** Labels and relationship types on the canvas with their counts, for the legend. Pure. */
export const canvasCounts = perState(function canvasCounts(state: ViewState): { labels: ReadonlyMap<string, number>; types: ReadonlyMap<string, number> } {
  const labels = new Map<string, number>();
  for (const node of Object.values(state.nodes)) {
    for (const label of node.data.labels.length > 0 ? node.data.labels : ['(no label)']) labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  const types = new Map<string, number>();
  for (const edge of Object.values(state.edges)) types.set(edge.type, (types.get(edge.type) ?? 0) + 1);
  return { labels: new Map([...labels].sort(([a], [b]) => a.localeCompare(b))), types: new Map([...types].sort(([a], [b]) => a.localeCompare(b))) };
});

/** The expansion of `anchor` with this query, if one was made. Pure. */
export function findExpansion(state: ViewState, anchor: string, type: string | null, direction: Direction | 'both'): Expansion | undefined {
  return state.expansions.find((expansion) => expansion.anchor === anchor && expansion.type === type && expansion.direction === direction);
}
