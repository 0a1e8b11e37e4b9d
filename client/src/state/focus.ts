/**
 * Showing only what matters: a node (or a selection) with its neighbours and nothing else, hiding
 * the nodes with no visible relationship, one label or one relationship type alone in the legend,
 * and the counts of what is drawn. Pure functions from one view state to the next, like the rest
 * of state/ (each an undoable step for the explorer).
 */
import { canvasCounts, passesRelationshipFilters, perState, setHidden, visibleElements, type ViewState } from './model';

/** The nodes joined to one of `ids` by a relationship on the canvas that passes the type and date filters. Pure. */
export function neighbourhood(state: ViewState, ids: Iterable<string>): Set<string> {
  const centre = new Set([...ids].filter((id) => state.nodes[id]));
  const around = new Set<string>();
  for (const edge of Object.values(state.edges)) {
    if (!passesRelationshipFilters(edge, state.filters)) continue;
    if (centre.has(edge.source)) around.add(edge.target);
    if (centre.has(edge.target)) around.add(edge.source);
  }
  for (const id of centre) around.delete(id);
  return around;
}

/**
 * "Show only this node and its neighbours": `ids` and the nodes joined to them (see neighbourhood)
 * are shown, hidden ones among them too; every other node of the canvas is hidden ("Show N hidden"
 * or undo brings them back). Label filters stay as they are. Pure.
 */
export function showOnlyNeighbourhood(state: ViewState, ids: Iterable<string>): ViewState {
  const centre = [...ids].filter((id) => state.nodes[id]);
  if (centre.length === 0) return state;
  const kept = new Set([...centre, ...neighbourhood(state, centre)]);
  const others = Object.keys(state.nodes).filter((id) => !kept.has(id));
  return setHidden(setHidden(state, kept, false), others, true);
}

/** The nodes drawn now that have no relationship drawn: what "Hide unconnected nodes" hides. Pure. */
export function unconnectedNodes(state: ViewState, visible = visibleElements(state)): string[] {
  const linked = new Set<string>();
  for (const id of visible.edges) {
    const edge = state.edges[id]!;
    linked.add(edge.source).add(edge.target);
  }
  return [...visible.nodes].filter((id) => !linked.has(id));
}

/** Hides the nodes drawn without any relationship drawn (one step; "Show N hidden" brings them back). Pure. */
export function hideUnconnected(state: ViewState): ViewState {
  return setHidden(state, unconnectedNodes(state), true);
}

/** Only this label in the legend: every other label on the canvas filtered out, this one shown. Pure. */
export function onlyLabel(state: ViewState, label: string): ViewState {
  const others = [...canvasCounts(state).labels.keys()].filter((each) => each !== label).sort();
  return sameList(others, state.filters.hiddenLabels) ? state : { ...state, filters: { ...state.filters, hiddenLabels: others } };
}

/** Only this relationship type: every other type on the canvas filtered out, this one shown. Pure. */
export function onlyType(state: ViewState, type: string): ViewState {
  const others = [...canvasCounts(state).types.keys()].filter((each) => each !== type).sort();
  return sameList(others, state.filters.hiddenTypes) ? state : { ...state, filters: { ...state.filters, hiddenTypes: others } };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);

export function showAllLabels(state: ViewState): ViewState {
  return state.filters.hiddenLabels.length === 0 ? state : { ...state, filters: { ...state.filters, hiddenLabels: [] } };
}

export function showAllTypes(state: ViewState): ViewState {
  return state.filters.hiddenTypes.length === 0 ? state : { ...state, filters: { ...state.filters, hiddenTypes: [] } };
}

/** Whether the nodes the filters leave without a visible relationship are hidden too. Pure. */
export function setHideOrphans(state: ViewState, hideOrphans: boolean): ViewState {
  return state.filters.hideOrphans === hideOrphans ? state : { ...state, filters: { ...state.filters, hideOrphans } };
}

export interface CanvasTally {
  nodes: { visible: number; total: number };
  relationships: { visible: number; total: number };
  /** Nodes the user hid (hidden flag), as "Show N hidden" counts them. */
  hidden: number;
  /** Nodes drawn without any relationship drawn, as "Hide N unconnected" counts them. */
  unconnected: number;
}

/** What is drawn against what is on the canvas. Pure. */
export const tally = perState(function tally(state: ViewState): CanvasTally {
  const visible = visibleElements(state);
  let hidden = 0;
  for (const node of Object.values(state.nodes)) if (node.hidden) hidden += 1;
  return {
    nodes: { visible: visible.nodes.size, total: Object.keys(state.nodes).length },
    relationships: { visible: visible.edges.size, total: Object.keys(state.edges).length },
    hidden,
    unconnected: unconnectedNodes(state, visible).length,
  };
});
