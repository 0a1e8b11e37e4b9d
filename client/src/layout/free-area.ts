/**
 * Where the graph may be drawn: the largest part of the canvas that no overlay (legend, overview,
 * counts) covers, chosen for the graph's shape, and the zoom and pan that fit a graph into it.
 * Pure: rectangles in, numbers out (tested without a browser).
 */

/** A rectangle in the canvas's rendered pixels, x1 < x2 and y1 < y2. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Size {
  w: number;
  h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The zoom at which a graph of `graph` size fits `area` with `padding` on every side. */
function zoomFor(area: Rect, graph: Size, padding: number): number {
  const w = area.x2 - area.x1 - 2 * padding;
  const h = area.y2 - area.y1 - 2 * padding;
  if (w <= 0 || h <= 0) return 0;
  return Math.min(w / Math.max(graph.w, 1), h / Math.max(graph.h, 1));
}

/** How far from the top and the bottom a panel down a whole side may stop (its margins). */
const SIDE_SLACK = 16;

/**
 * The left and right edges of what the graph may use across its whole height: the canvas less the
 * panels that run down all of it on one side (the article panel). Panels in a corner or along part
 * of an edge (the legend, the overview, the counts) do not move the middle.
 */
function sideBounds(canvas: Size, inside: readonly Rect[]): { left: number; right: number } {
  let left = 0;
  let right = canvas.w;
  for (const o of inside) {
    if (o.y1 > SIDE_SLACK || o.y2 < canvas.h - SIDE_SLACK) continue;
    if (o.x1 + o.x2 >= canvas.w) right = Math.min(right, o.x1);
    else left = Math.max(left, o.x2);
  }
  return right - left > 0 ? { left, right } : { left: 0, right: canvas.w };
}

/**
 * The rectangle of the canvas clear of every overlay in which a graph of this size is drawn the
 * largest (ties: the larger rectangle), and centred across: every rectangle bounded by the canvas's
 * and the overlays' edges is tried (a handful of overlays: a few hundred candidates), each narrowed
 * to be symmetric about the middle of the canvas (less the panels down a whole side). Without that,
 * a panel on one side only (the counts top right, the overview bottom right) drew a fitted graph
 * off to the other side. With no free rectangle at all, the whole canvas.
 */
export function freeArea(canvas: Size, overlays: readonly Rect[], graph: Size, padding = 0): Rect {
  const whole = { x1: 0, y1: 0, x2: canvas.w, y2: canvas.h };
  const inside = overlays
    .map((o) => ({ x1: Math.max(0, o.x1), y1: Math.max(0, o.y1), x2: Math.min(canvas.w, o.x2), y2: Math.min(canvas.h, o.y2) }))
    .filter((o) => o.x2 > o.x1 && o.y2 > o.y1);
  if (inside.length === 0) return whole;
  const sides = sideBounds(canvas, inside);
  const middle = (sides.left + sides.right) / 2;
  const xs = [...new Set([0, canvas.w, ...inside.flatMap((o) => [o.x1, o.x2])])].sort((a, b) => a - b);
  const ys = [...new Set([0, canvas.h, ...inside.flatMap((o) => [o.y1, o.y2])])].sort((a, b) => a - b);
  let best: Rect | null = null;
  let bestZoom = 0;
  let bestArea = 0;
  for (let i = 0; i < xs.length; i += 1)
    for (let j = i + 1; j < xs.length; j += 1)
      for (let k = 0; k < ys.length; k += 1)
        for (let l = k + 1; l < ys.length; l += 1) {
          const half = Math.min(middle - xs[i]!, xs[j]! - middle);
          if (half <= 0) continue;
          const area = { x1: middle - half, x2: middle + half, y1: ys[k]!, y2: ys[l]! };
          if (inside.some((o) => overlaps(area, o))) continue;
          const zoom = zoomFor(area, graph, padding);
          const size = (area.x2 - area.x1) * (area.y2 - area.y1);
          if (zoom > bestZoom + 1e-9 || (Math.abs(zoom - bestZoom) <= 1e-9 && size > bestArea)) {
            best = area;
            bestZoom = zoom;
            bestArea = size;
          }
        }
  return best ?? whole;
}

/** A graph's bounding box in model coordinates. */
export interface Box {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/** The zoom (within limits) and pan that put the box in the middle of `area`, `padding` clear of its edges. */
export function fitInto(box: Box, area: Rect, padding: number, limits: { min: number; max: number }): { zoom: number; pan: { x: number; y: number } } {
  const zoom = Math.min(limits.max, Math.max(limits.min, zoomFor(area, box, padding) || limits.min));
  const centre = { x: (area.x1 + area.x2) / 2, y: (area.y1 + area.y2) / 2 };
  return { zoom, pan: { x: centre.x - zoom * (box.x1 + box.w / 2), y: centre.y - zoom * (box.y1 + box.h / 2) } };
}
