/**
 * Restyling many elements across frames. A styling rule changes the data of every node (size,
 * colour, caption) and Cytoscape then restyles each, measures its label, moves its relationships'
 * ends and redraws: about 0.2 ms an element under software rendering (150–400 ms for a 1,000-node
 * view in one frame), during which the page is frozen. Past a few hundred changes, the changes are
 * applied in slices instead, those in view first, one slice between two frames: a task of its own
 * that stops once it has taken SLICE_MS, and that does the work Cytoscape would otherwise do for
 * those elements in its next frame (their style and geometry, public `boundingBox()`), so that the
 * frame only draws. The view shows the rule within a few frames and the page stays responsive while
 * the rest follow. (A slice sized by the frame's time instead starved: the redraw of a large view
 * alone takes longer than a frame here, so every slice shrank to its least, 20 elements.)
 *
 * Only data changes go through here (what a rule changes), never what is on the canvas or where:
 * the render step adds, removes and moves elements at once. A new render step replaces what is
 * still to apply (it lists the differences again from the canvas as it is).
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { holdView } from './held-view';

/** A data change of one element: keys to set, and keys to remove (a rule no longer sets them). */
export interface DataPatch {
  element: SingularElementArgument;
  set: Record<string, string | number>;
  unset: string[];
}

/** Up to this many changes are applied at once (a small view restyles in the same frame). */
export const AT_ONCE = 300;
/** The time a slice takes at most (checked after each chunk of CHUNK changes): half a frame. */
export const SLICE_MS = 8;
/** The same while the view is held (nothing drawn between slices, which follow each other at once): room for a GC in the same task. */
export const HELD_SLICE_MS = 5;
const CHUNK = 8;
/**
 * Elements in view a slice changes at most: Cytoscape redraws each one's texture in the frame that
 * follows (traced: that frame took 24-30 ms of script with 8 ms slices of elements in view, against
 * 11-17 ms for a redraw with nothing new in view).
 */
export const IN_VIEW_SLICE = 20;
/**
 * Up to this many changes the element layer is held while they are applied and the result drawn
 * off screen (held-view.ts): the view changes at once, within about a second at 1,000 nodes. More
 * are shown as they come, those in view first (a long wait with nothing to see is worse than
 * frames that take long).
 */
export const HOLD_AT_MOST = 4000;

interface Pending {
  patches: DataPatch[];
  /** Cancels the next slice (its frame or its task). */
  cancel: () => void;
  done: Array<() => void>;
}

const pending = new WeakMap<Core, Pending>();

function apply(patch: DataPatch): void {
  const { element } = patch;
  if (element.removed()) return;
  for (const key of patch.unset) element.removeData(key);
  if (Object.keys(patch.set).length > 0) element.data(patch.set);
}

/** Whether the element is drawn in (or next to) the part of the graph the view shows. */
function inView(element: SingularElementArgument, extent: { x1: number; y1: number; x2: number; y2: number }, margin: number): boolean {
  const ends = element.isNode() ? [element.position()] : [element.source().position(), element.target().position()];
  return ends.some((at) => at.x >= extent.x1 - margin && at.x <= extent.x2 + margin && at.y >= extent.y1 - margin && at.y <= extent.y2 + margin);
}

/**
 * Applies `patches` to the canvas: at once when they are few (call within the render step's batch),
 * else a slice per task between frames, those in view first. Replaces whatever an earlier call left to apply.
 */
export function restyle(cy: Core, patches: DataPatch[]): void {
  const earlier = pending.get(cy);
  if (earlier) {
    earlier.cancel();
    pending.delete(cy);
  }
  const done = earlier?.done ?? [];
  if (patches.length <= AT_ONCE) {
    for (const patch of patches) apply(patch);
    for (const resolve of done) resolve();
    return;
  }
  const extent = cy.extent();
  const margin = 100 / cy.zoom();
  const hold = patches.length <= HOLD_AT_MOST ? holdView(cy) : null;
  const near: DataPatch[] = [];
  const far: DataPatch[] = [];
  for (const patch of patches) (inView(patch.element, extent, margin) ? near : far).push(patch);
  // Taken from the end: what is in view last in the list.
  const queue = [...far.reverse(), ...near.reverse()];
  /** How many of the queue's last are in view. */
  let nearLeft = near.length;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const state: Pending = {
    patches: queue,
    cancel: () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      cancelled = true;
      hold?.release();
    },
    done,
  };
  pending.set(cy, state);
  const slice = (): void => {
    if (cy.destroyed()) return;
    const held = hold?.held === true;
    const until = performance.now() + (held ? HELD_SLICE_MS : SLICE_MS);
    // Held, nothing is drawn between slices: only their time bounds them.
    const inViewAtMost = held ? Infinity : IN_VIEW_SLICE;
    let inView = 0;
    do {
      const chunk = queue.splice(Math.max(0, queue.length - (nearLeft > 0 ? Math.min(CHUNK, nearLeft, inViewAtMost - inView) : CHUNK))).reverse();
      if (nearLeft > 0) {
        nearLeft -= chunk.length;
        inView += chunk.length;
      }
      const change = (): void => {
        cy.batch(() => {
          for (const patch of chunk) apply(patch);
        });
        // What Cytoscape's next frame would compute for them: their style, label, and the ends and
        // curves of their relationships (a node's size moves them), with the boxes it draws by.
        const changed = cy.collection();
        for (const { element } of chunk) if (!element.removed()) changed.merge(element);
        changed.union(changed.nodes().connectedEdges()).boundingBox();
      };
      if (hold) hold.quietly(change);
      else change();
    } while (queue.length > 0 && performance.now() < until && !(nearLeft > 0 && inView >= inViewAtMost));
    if (queue.length > 0) {
      // Held: the next slice as a task of its own (the page's frames and input run in between).
      if (hold?.held) {
        timer = setTimeout(slice, 0);
        return;
      }
      // The next slice once the frame after this one has drawn it: a frame between any two slices.
      frame = requestAnimationFrame(() => {
        timer = setTimeout(slice, 0);
      });
      return;
    }
    const finish = (): void => {
      if (cancelled) return;
      pending.delete(cy);
      for (const resolve of done) resolve();
    };
    if (hold) hold.show(finish);
    else finish();
  };
  timer = setTimeout(slice, 0);
}

/** Resolves once the canvas has every data change the render steps so far asked for. */
export function restyled(cy: Core): Promise<void> {
  const state = pending.get(cy);
  if (!state) return Promise.resolve();
  return new Promise((resolve) => state.done.push(resolve));
}
