/**
 * A spatial index for Cytoscape's hit test. On every mouse move Cytoscape finds the element under
 * the pointer by checking every element on the canvas in turn (each node's shape and label, each
 * relationship's curve, arrows and three labels): 12–22 ms of CPU a move on a 1,000-node view
 * (3,000 elements) under software rendering, most of a frame before anything is drawn. Here the
 * canvas's elements are kept in a grid by their bounding boxes, and Cytoscape's own test runs over
 * the few whose box is near the pointer, in the same drawing order: it finds the same element.
 *
 * The grid is rebuilt, when next asked, after anything that can move or resize an element (added,
 * removed, moved, restyled, data changed) or change the drawing order. It reaches into Cytoscape's
 * renderer (findNearestElements and getCachedZSortedEles, unchanged since 3.2): if a version lacks
 * them, the canvas keeps Cytoscape's own test.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

type Ordered = SingularElementArgument[] & { interactive?: SingularElementArgument[] };

interface Renderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): SingularElementArgument[];
  getCachedZSortedEles(forceRecalc?: boolean): Ordered;
}

interface Grid {
  source: Ordered;
  x1: number;
  y1: number;
  cell: number;
  columns: number;
  rows: number;
  cells: Map<number, number[]>;
  /** Elements too large for cells (checked at every point). */
  wide: number[];
  interactive: Set<SingularElementArgument>;
}

/** Most cells along the grid's longer side. */
const CELLS = 64;
/** An element spanning more cells than this is checked everywhere instead. */
const WIDE = 256;

function build(source: Ordered): Grid {
  const boxes = source.map((element) => element.boundingBox());
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const box of boxes) {
    if (!(box.w > 0 || box.h > 0)) continue;
    x1 = Math.min(x1, box.x1);
    y1 = Math.min(y1, box.y1);
    x2 = Math.max(x2, box.x2);
    y2 = Math.max(y2, box.y2);
  }
  if (x1 === Infinity) [x1, y1, x2, y2] = [0, 0, 1, 1];
  const cell = Math.max(20, Math.max(x2 - x1, y2 - y1) / CELLS);
  const columns = Math.floor((x2 - x1) / cell) + 1;
  const rows = Math.floor((y2 - y1) / cell) + 1;
  const cells = new Map<number, number[]>();
  const wide: number[] = [];
  boxes.forEach((box, index) => {
    if (!(box.w > 0 || box.h > 0)) return;
    const c1 = Math.floor((box.x1 - x1) / cell);
    const c2 = Math.floor((box.x2 - x1) / cell);
    const r1 = Math.floor((box.y1 - y1) / cell);
    const r2 = Math.floor((box.y2 - y1) / cell);
    if ((c2 - c1 + 1) * (r2 - r1 + 1) > WIDE) {
      wide.push(index);
      return;
    }
    for (let row = r1; row <= r2; row += 1) {
      for (let column = c1; column <= c2; column += 1) {
        const key = row * columns + column;
        const list = cells.get(key);
        if (list) list.push(index);
        else cells.set(key, [index]);
      }
    }
  });
  return { source, x1, y1, cell, columns, rows, cells, wide, interactive: new Set(source.interactive ?? source) };
}

/** The elements whose box comes within `pad` of (x, y), in drawing order. */
function near(grid: Grid, x: number, y: number, pad: number): Ordered {
  const found = new Set<number>(grid.wide);
  const c1 = Math.max(0, Math.floor((x - pad - grid.x1) / grid.cell));
  const c2 = Math.min(grid.columns - 1, Math.floor((x + pad - grid.x1) / grid.cell));
  const r1 = Math.max(0, Math.floor((y - pad - grid.y1) / grid.cell));
  const r2 = Math.min(grid.rows - 1, Math.floor((y + pad - grid.y1) / grid.cell));
  for (let row = r1; row <= r2; row += 1) for (let column = c1; column <= c2; column += 1) for (const index of grid.cells.get(row * grid.columns + column) ?? []) found.add(index);
  const ordered: Ordered = [...found].sort((a, b) => a - b).map((index) => grid.source[index]!);
  ordered.interactive = ordered.filter((element) => grid.interactive.has(element));
  return ordered;
}

const built = new WeakMap<Core, () => boolean>();

/** Whether `cy`'s index is built for the canvas as it is (tests; false without an index). */
export function hitIndexBuilt(cy: Core): boolean {
  return built.get(cy)?.() ?? false;
}

export function indexHitTest(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): Partial<Renderer> | undefined }).renderer();
  if (!renderer || typeof renderer.findNearestElements !== 'function' || typeof renderer.getCachedZSortedEles !== 'function') return;
  const findAll = renderer.findNearestElements;
  const sorted = renderer.getCachedZSortedEles;
  let grid: Grid | null = null;
  // Built when the page is idle with time to spare (8–10 ms for 3,000 elements here), rather than at
  // the first mouse move after a change, which it made a long task: otherwise when first asked.
  let idle = 0;
  const buildWhenIdle = (deadline: IdleDeadline): void => {
    idle = 0;
    if (grid || cy.destroyed()) return;
    if (deadline.timeRemaining() < 15) {
      idle = requestIdleCallback(buildWhenIdle);
      return;
    }
    const all = sorted.call(renderer as Renderer);
    grid = build(all);
  };
  const invalidate = (): void => {
    grid = null;
    if (!idle && typeof requestIdleCallback === 'function') idle = requestIdleCallback(buildWhenIdle);
  };
  cy.on('add remove position style data bounds zorder', invalidate);
  built.set(cy, () => grid !== null);
  invalidate();
  renderer.findNearestElements = function (x, y, interactiveOnly, isTouch) {
    const all = sorted.call(this);
    if (!grid || grid.source !== all) grid = build(all);
    // Cytoscape's own reach beyond an element's box: 24 / zoom for a touch on a relationship, 8 for the mouse; 2 more for labels.
    const candidates = near(grid, x, y, (isTouch ? 26 : 10) / cy.zoom());
    this.getCachedZSortedEles = () => candidates;
    try {
      return findAll.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      delete (this as Partial<Renderer>).getCachedZSortedEles;
      if (this.getCachedZSortedEles !== sorted) this.getCachedZSortedEles = sorted;
    }
  };
}
