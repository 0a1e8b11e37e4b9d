/**
 * The canvas after a change: what the change touched is read again by its stable key and drawn as
 * it is now. New nodes go near their neighbours on the canvas, edited ones are redrawn, deleted ones
 * taken away, and a merged-away node is replaced by its survivor where it stood.
 */
import type { ChangeRecord, GraphEdge, GraphNode, KeyResolution } from '../../../server/contract';
import { api, ApiRequestError } from '../api';
import { addGraph, placeAround, removeEdges, removeNodes, type Position, type ViewState } from '../state';

/** A canvas node's or relationship's stable key, where it has one. */
export function keyOf(element: { properties: Record<string, unknown> }): string | null {
  const key = element.properties.id;
  return typeof key === 'string' && key !== '' ? key : null;
}

/** Canvas ids by stable key. */
function canvasIds(items: Iterable<{ id: string; properties: Record<string, unknown> }>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const item of items) {
    const key = keyOf(item);
    if (key) ids.set(key, item.id);
  }
  return ids;
}

/** What the canvas should show after the change, read from the server. */
export interface Refreshed {
  nodes: Map<string, GraphNode | null>;
  edges: Map<string, GraphEdge | null>;
  /** Merged-away key → the survivor's key. */
  mergedInto: Map<string, string>;
}

/** The key of the node a merge kept, for a node the change removed (its key is among the survivor's formerIds). */
function survivorOf(change: ChangeRecord, key: string): string | null {
  const survivor = change.elements.find((element) => {
    const former = element.after?.kind === 'node' ? element.after.properties.formerIds : undefined;
    return Array.isArray(former) && former.includes(key);
  });
  return survivor?.key ?? null;
}

/** Reads each element the change left in the graph as it is now (by its key), and the nodes of `bring`; the rest are gone. */
export async function readTouched(change: ChangeRecord, bring: readonly string[] = []): Promise<Refreshed> {
  const refreshed: Refreshed = { nodes: new Map(), edges: new Map(), mergedInto: new Map() };
  for (const element of change.elements) {
    if (element.kind === 'node' && element.after === null) {
      const survivor = survivorOf(change, element.key);
      if (survivor) refreshed.mergedInto.set(element.key, survivor);
    }
  }
  await Promise.all(
    change.elements.map(async (element) => {
      let resolution: KeyResolution | null = null;
      if (element.after !== null) {
        try {
          resolution = await api.resolveKey(element.key);
        } catch (error) {
          if (!(error instanceof ApiRequestError && error.status === 404)) throw error;
        }
      }
      if (element.kind === 'node') refreshed.nodes.set(element.key, resolution?.kind === 'node' ? resolution.node : null);
      else refreshed.edges.set(element.key, resolution?.kind === 'relationship' ? resolution.relationship : null);
    }),
  );
  const touched = new Set(change.elements.map((element) => element.key));
  await Promise.all(
    bring
      .filter((key) => !touched.has(key))
      .map(async (key) => {
        // (A node that is not there any more is simply not drawn.)
        const resolution = await api.resolveKey(key).catch((error: unknown) => (error instanceof ApiRequestError && error.status === 404 ? null : Promise.reject(error)));
        if (resolution?.kind === 'node') refreshed.nodes.set(key, resolution.node);
      }),
  );
  return refreshed;
}

/**
 * The next canvas state, pure: gone elements removed, survivors put where their duplicates stood,
 * present ones refreshed, nodes placed where `at` says (by key; drawn even without `addNew`), else near the canvas nodes
 * they are joined to (else near `near`, else left for the explorer to place), relationships drawn
 * where both ends are shown.
 */
export function applyRefreshed(state: ViewState, refreshed: Refreshed, options: { near?: Position | null; addNew: boolean; at?: ReadonlyMap<string, Position> }): ViewState {
  const nodeIds = canvasIds(Object.values(state.nodes).map((node) => node.data));
  const positions: Record<string, Position> = {};
  for (const [gone, survivor] of refreshed.mergedInto) {
    const at = state.nodes[nodeIds.get(gone) ?? '']?.position;
    const node = refreshed.nodes.get(survivor);
    if (at && node && !state.nodes[node.id]) positions[node.id] = at;
  }
  const next = withoutGone(state, refreshed);
  const present = [...refreshed.nodes.values()].filter((node): node is GraphNode => node !== null);
  const edges = [...refreshed.edges.values()].filter((edge): edge is GraphEdge => edge !== null);
  // A node already on the canvas is redrawn; a new one is drawn only when asked (created here) or a survivor.
  const shown = present.filter((node) => next.nodes[node.id] || options.addNew || positions[node.id] || options.at?.has(keyOf(node) ?? ''));
  const occupied = Object.values(next.nodes).flatMap((node) => (node.position ? [node.position] : []));
  for (const node of shown) {
    if (next.nodes[node.id] || positions[node.id]) continue;
    const asked = options.at?.get(keyOf(node) ?? '');
    if (asked) {
      positions[node.id] = asked;
      occupied.push(asked);
      continue;
    }
    const neighbours = edges
      .flatMap((edge) => (edge.source === node.id ? [edge.target] : edge.target === node.id ? [edge.source] : []))
      .flatMap((id) => (next.nodes[id]?.position ? [next.nodes[id]!.position!] : []));
    const anchor = neighbours.length > 0 ? { x: average(neighbours.map((at) => at.x)), y: average(neighbours.map((at) => at.y)) } : (options.near ?? null);
    if (!anchor) continue;
    const [spot] = placeAround(anchor, 1, occupied);
    positions[node.id] = spot!;
    occupied.push(spot!);
  }
  return addGraph(next, { nodes: shown, edges }, { positions });
}

/**
 * A state of the undo history before or after a change, brought up to date with it, pure: what the
 * change deleted (or merged away) is no longer in it, and what it edited is drawn as it is now. So
 * that an undo or redo of canvas steps never draws a node or relationship that is gone, or an old name.
 */
export function withoutOutdated(state: ViewState, refreshed: Refreshed): ViewState {
  const next = withoutGone(state, refreshed);
  const nodes = { ...next.nodes };
  for (const node of refreshed.nodes.values()) if (node && nodes[node.id]) nodes[node.id] = { ...nodes[node.id]!, data: node };
  const edges = { ...next.edges };
  for (const edge of refreshed.edges.values()) if (edge && edges[edge.id]) edges[edge.id] = edge;
  return { ...next, nodes, edges };
}

/** `state` without what the change deleted or merged away (found by key), pure. */
function withoutGone(state: ViewState, refreshed: Refreshed): ViewState {
  const nodeIds = canvasIds(Object.values(state.nodes).map((node) => node.data));
  const edgeIds = canvasIds(Object.values(state.edges));
  const goneNodes = [...[...refreshed.nodes].filter(([, node]) => node === null).map(([key]) => key), ...refreshed.mergedInto.keys()];
  const goneEdges = [...refreshed.edges].filter(([, edge]) => edge === null).map(([key]) => key);
  const next = removeNodes(state, goneNodes.flatMap((key) => (nodeIds.has(key) ? [nodeIds.get(key)!] : [])));
  return removeEdges(next, goneEdges.flatMap((key) => (edgeIds.has(key) ? [edgeIds.get(key)!] : [])));
}

function average(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
