/**
 * How close together a graph may be drawn before its labels touch (pure). Drawing together scales
 * each node's distance from a centre by a factor; a node's box (its body and label, relative to its
 * position) keeps its size. Two boxes apart as drawn stay apart down to the factor at which they
 * meet along x or along y, whichever comes later; the answer is the largest of those over all
 * pairs. Pairs that already touch as drawn are not counted (drawing together did not make them).
 * O(n²): a millisecond or two for a few hundred nodes, ~10 ms for a thousand.
 */
import type { Rect } from './free-area';

/** A node: its position and its box relative to it (x1 < 0 < x2 for a centred label). */
export interface Placed {
  x: number;
  y: number;
  box: Rect;
}

/**
 * The least factor (at most 1) at which no two boxes apart by `gap` as drawn come closer than `gap`
 * when each position's offset from `centre` is scaled by it.
 */
export function apartDownTo(nodes: readonly Placed[], centre: { x: number; y: number }, gap = 0): number {
  let least = 0;
  const n = nodes.length;
  for (let i = 0; i < n; i += 1) {
    const a = nodes[i]!;
    const ax = a.x - centre.x;
    const ay = a.y - centre.y;
    for (let j = i + 1; j < n; j += 1) {
      const b = nodes[j]!;
      const dx = ax - (b.x - centre.x);
      const dy = ay - (b.y - centre.y);
      // Along x: a right of b while f·dx ≥ b.box.x2 − a.box.x1 + gap, or left of it while −f·dx ≥ a.box.x2 − b.box.x1 + gap.
      const alongX = dx > 0 ? (b.box.x2 - a.box.x1 + gap) / dx : dx < 0 ? (a.box.x2 - b.box.x1 + gap) / -dx : Infinity;
      const alongY = dy > 0 ? (b.box.y2 - a.box.y1 + gap) / dy : dy < 0 ? (a.box.y2 - b.box.y1 + gap) / -dy : Infinity;
      const apartFrom = Math.min(alongX, alongY);
      // (Beyond 1: they touch as drawn already.)
      if (apartFrom <= 1 && apartFrom > least) least = apartFrom;
    }
  }
  return least;
}
