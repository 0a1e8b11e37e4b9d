/**
 * Where new nodes go: on rings around the node they came from, starting on the side away from the
 * rest of the graph, skipping places already taken. Nodes already on the canvas never move. Pure.
 */
import type { Position } from './model';

export const SPACING = 100;

export function placeAround(anchor: Position, count: number, occupied: readonly Position[]): Position[] {
  if (count === 0) return [];
  const centre = occupied.length > 0 ? { x: mean(occupied.map((p) => p.x)), y: mean(occupied.map((p) => p.y)) } : anchor;
  const away = Math.hypot(anchor.x - centre.x, anchor.y - centre.y) > 1 ? Math.atan2(anchor.y - centre.y, anchor.x - centre.x) : -Math.PI / 2;
  const taken = new SpatialGrid(SPACING * 0.7);
  for (const position of occupied) taken.add(position);
  const placed: Position[] = [];
  for (let ring = 1; placed.length < count && ring < 200; ring += 1) {
    const radius = SPACING * 1.5 * ring;
    const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / SPACING));
    // Alternate around the "away" direction: away, away+step, away-step, ...
    for (let index = 0; index < slots && placed.length < count; index += 1) {
      const offset = Math.ceil(index / 2) * (index % 2 === 0 ? -1 : 1);
      const angle = away + (offset * 2 * Math.PI) / slots;
      const position = { x: round(anchor.x + radius * Math.cos(angle)), y: round(anchor.y + radius * Math.sin(angle)) };
      if (taken.near(position)) continue;
      taken.add(position);
      placed.push(position);
    }
  }
  return placed;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Points in square cells, to ask "is anything within `radius`?" without looking at every point. */
class SpatialGrid {
  private readonly cells = new Map<string, Position[]>();
  constructor(private readonly radius: number) {}

  private key(x: number, y: number): string {
    return `${Math.floor(x / this.radius)},${Math.floor(y / this.radius)}`;
  }

  add(position: Position): void {
    const key = this.key(position.x, position.y);
    const cell = this.cells.get(key);
    if (cell) cell.push(position);
    else this.cells.set(key, [position]);
  }

  near(position: Position): boolean {
    const cx = Math.floor(position.x / this.radius);
    const cy = Math.floor(position.y / this.radius);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const other of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.hypot(other.x - position.x, other.y - position.y) < this.radius) return true;
        }
      }
    }
    return false;
  }
}

/**
 * Positions drawn closer together around `centre` by `factor` (0 < factor ≤ 1), except the `fixed`
 * ones (pinned nodes stay put): how a fresh layout too wide for the free part of the canvas at a
 * readable zoom is brought into it without shrinking its labels.
 */
export function drawTogether(positions: Record<string, Position>, centre: Position, factor: number, fixed: ReadonlySet<string> = new Set()): Record<string, Position> {
  return Object.fromEntries(
    Object.entries(positions).map(([id, at]) => [id, fixed.has(id) ? at : { x: centre.x + (at.x - centre.x) * factor, y: centre.y + (at.y - centre.y) * factor }]),
  );
}

/**
 * The nodes and relationships of a view in an order that depends on the data, not on the
 * database's elementIds (which a reseed or earlier deletions change): by stable `id` property, else
 * by what the node is called, then elementId. The start view's seeded layout then places the same
 * data the same way. Pure.
 */
export function inDataOrder<V extends { nodes: Array<{ id: string; properties: Record<string, unknown> }>; edges: Array<{ id: string; source: string; target: string; type: string; properties: Record<string, unknown> }> }>(
  view: V,
  name: (node: V['nodes'][number]) => string,
): V {
  const nodeKey = new Map(view.nodes.map((node) => [node.id, `${typeof node.properties.id === 'string' ? node.properties.id : ''}\u0000${name(node)}\u0000${node.id}`]));
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const nodes = [...view.nodes].sort((a, b) => compare(nodeKey.get(a.id)!, nodeKey.get(b.id)!));
  const edgeKey = (edge: V['edges'][number]): string =>
    `${nodeKey.get(edge.source) ?? edge.source}\u0001${nodeKey.get(edge.target) ?? edge.target}\u0001${edge.type}\u0001${typeof edge.properties.id === 'string' ? edge.properties.id : edge.id}`;
  const edges = [...view.edges].sort((a, b) => compare(edgeKey(a), edgeKey(b)));
  return { ...view, nodes, edges };
}
