/**
 * Elements off the view left out of a redraw cheaply. Cytoscape draws a large view from one cached
 * image of the whole graph, but for 250 ms after any change (a styling rule's slices, a selection,
 * an expansion, a node moved) it draws every element one by one instead, and to leave out those off
 * the view it asks each for its bounding box: `ele.boundingBox()`, about 4 µs an element even when
 * cached (it builds a memoized closure and a position key per call). At 1,000 nodes and 2,000
 * relationships in a view at zoom 1 that is a third of the redraw, at 5,000 half of it.
 *
 * Here the elements of such a redraw are filtered first: an element keeps the box it had as long as
 * Cytoscape's own cache would give that box again (the same cached box, its style not awaiting a
 * restyle, its ends exactly where they were), and is asked again otherwise. So what is left out is
 * exactly what Cytoscape itself would have left out, and the rest is drawn by Cytoscape as before.
 *
 * It wraps the renderer's `drawCachedElements` (an instance property over its prototype's, as
 * hit-index.ts does for the hit test) and reads four fields of an element's private data; without
 * them (another Cytoscape) it leaves the renderer alone.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

type Box = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
type Position = { x: number; y: number };

/** What an element's private data holds that the filter reads (Cytoscape 3's). */
interface Private {
  group: 'nodes' | 'edges';
  position: Position;
  source?: { _private: Private };
  target?: { _private: Private };
  bbCache: Box | null;
  styleDirty: boolean;
}

type Element = SingularElementArgument & { _private: Private };
type DrawCached = (context: CanvasRenderingContext2D, eles: Element[], pxRatio: number, extent?: Box) => void;

/** An element's box as Cytoscape last gave it, and where its ends were then. */
interface Known {
  box: Box;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** Where an element's ends are: a node's position twice, a relationship's source and target. */
function ends(p: Private): [Position, Position] | null {
  if (p.group === 'nodes') return [p.position, p.position];
  const a = p.source?._private.position;
  const b = p.target?._private.position;
  return a && b ? [a, b] : null;
}

/** Whether this Cytoscape's elements hold the fields read here. */
function readable(cy: Core): boolean {
  const sample = [cy.nodes()[0], cy.edges()[0]].filter((ele) => ele !== undefined) as unknown as Element[];
  return sample.every((ele) => {
    const p = ele._private as Partial<Private> | undefined;
    return p !== undefined && 'bbCache' in p && typeof p.styleDirty === 'boolean' && p.position !== undefined;
  });
}

/** `cy`'s element-by-element redraws leave out what is off the view without asking each element its box again. */
export function cullCheaply(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): { drawCachedElements?: DrawCached } | undefined }).renderer();
  if (!renderer || typeof renderer.drawCachedElements !== 'function') return;
  const draw = renderer.drawCachedElements;
  const known = new WeakMap<Element, Known>();
  let checked = false;
  let usable = false;
  /** The element's box as `ele.boundingBox()` gives it now. */
  const boxOf = (ele: Element): Box => {
    const p = ele._private;
    const at = ends(p);
    const last = known.get(ele);
    if (at && last && p.bbCache !== null && last.box === p.bbCache && !p.styleDirty && last.ax === at[0].x && last.ay === at[0].y && last.bx === at[1].x && last.by === at[1].y) return last.box;
    const box = ele.boundingBox() as Box;
    // Kept only when it is Cytoscape's cached box itself (what it gives again while nothing changed).
    if (at && box === p.bbCache) known.set(ele, { box, ax: at[0].x, ay: at[0].y, bx: at[1].x, by: at[1].y });
    else known.delete(ele);
    return box;
  };
  renderer.drawCachedElements = function (context, eles, pxRatio, extent) {
    if (!checked && cy.elements().nonempty()) {
      checked = true;
      usable = readable(cy);
    }
    if (!extent || !usable) return draw.call(this, context, eles, pxRatio, extent);
    const kept: Element[] = [];
    for (const ele of eles) {
      const box = boxOf(ele);
      // Cytoscape's own test (boundingBoxesIntersect): touching counts as in view.
      if (box.x1 <= extent.x2 && box.x2 >= extent.x1 && box.y1 <= extent.y2 && box.y2 >= extent.y1) kept.push(ele);
    }
    return draw.call(this, context, kept, pxRatio, extent);
  };
}
