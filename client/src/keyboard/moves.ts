/**
 * Where the keyboard focus goes on the canvas (pure): the nearest node in an arrow's direction, its
 * graph neighbours first; and the reading order that Tab follows (rows from the top, each from the
 * left). Positions are the canvas's (y grows downwards).
 */

export interface Spot {
  id: string;
  x: number;
  y: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const VECTORS: Record<Direction, { x: number; y: number }> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/** How far a node is in `direction` from `from`: along the way, and off it. */
function offset(from: Spot, to: Spot, direction: Direction): { along: number; across: number } {
  const d = VECTORS[direction];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  return { along: dx * d.x + dy * d.y, across: Math.abs(dx * d.y - dy * d.x) };
}

/** The nearest of `candidates` ahead in the direction (within the 90° cone, or anywhere ahead when `wide`); straight ahead counts more. */
function best(from: Spot, candidates: readonly Spot[], direction: Direction, wide: boolean): Spot | null {
  let chosen: Spot | null = null;
  let chosenScore = Infinity;
  for (const candidate of candidates) {
    if (candidate.id === from.id) continue;
    const { along, across } = offset(from, candidate, direction);
    if (along <= 0.5 || (!wide && across > along)) continue;
    // Off the line of the arrow counts twice: the node "to the right" is the one most to the right.
    const score = along + 2 * across;
    if (score < chosenScore) {
      chosen = candidate;
      chosenScore = score;
    }
  }
  return chosen;
}

/**
 * The node an arrow key moves to from `from`: within the 90° cone of the arrow, the nearest of its
 * graph neighbours, else the nearest node; failing those, the same anywhere ahead (the half of the
 * canvas the arrow points to); else none (the focus stays).
 */
export function nearestInDirection(from: Spot, nodes: readonly Spot[], neighbours: ReadonlySet<string>, direction: Direction): string | null {
  const adjacent = nodes.filter((node) => neighbours.has(node.id));
  for (const wide of [false, true]) {
    const found = best(from, adjacent, direction, wide) ?? best(from, nodes, direction, wide);
    if (found) return found.id;
  }
  return null;
}

/**
 * Nodes in reading order: rows from the top (a node within `rowHeight` of a row's first node is in
 * that row), each row from the left. Ties keep the given order.
 */
export function readingOrder(nodes: readonly Spot[], rowHeight: number): string[] {
  const byHeight = [...nodes].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Spot[][] = [];
  for (const node of byHeight) {
    const row = rows[rows.length - 1];
    if (row && node.y - row[0]!.y <= rowHeight) row.push(node);
    else rows.push([node]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x).map((node) => node.id));
}

/** The next (or, backwards, the previous) in `order` after `current`; null past either end. None current: the first (or last). */
export function tabTarget(order: readonly string[], current: string | null, backwards: boolean): string | null {
  const index = current === null ? -1 : order.indexOf(current);
  const next = index === -1 ? (backwards ? order.length - 1 : 0) : index + (backwards ? -1 : 1);
  return next >= 0 && next < order.length ? order[next]! : null;
}
