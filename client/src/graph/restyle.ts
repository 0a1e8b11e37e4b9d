/**
 * Restyling many elements across frames. A styling rule changes the data of every node (size,
 * colour, caption) and Cytoscape then restyles each, measures its label, moves its relationships'
 * ends and redraws: for a 1,000-node view 150–400 ms in one frame under software rendering, during
 * which the page is frozen. Past a few hundred changes, the changes are applied a slice per frame
 * instead, those in view first, each slice as large as keeps the frames short: the view shows the
 * rule within a few frames and the page stays responsive while the rest follow.
 *
 * Only data changes go through here (what a rule changes), never what is on the canvas or where:
 * the render step adds, removes and moves elements at once. A new render step replaces what is
 * still to apply (it lists the differences again from the canvas as it is).
 */
import type { Core, SingularElementArgument } from 'cytoscape';

/** A data change of one element: keys to set, and keys to remove (a rule no longer sets them). */
export interface DataPatch {
  element: SingularElementArgument;
  set: Record<string, string | number>;
  unset: string[];
}

/** Up to this many changes are applied at once (a small view restyles in the same frame). */
export const AT_ONCE = 300;
/** The first slice, and the bounds of the slices as they adapt to how long Cytoscape takes over each. */
const FIRST_SLICE = 50;
const SLICE_BOUNDS = { min: 20, max: 400 } as const;
/**
 * The frame's work before the next slice (Cytoscape restyling and drawing the last one) aimed at:
 * more, the next slice is smaller; much less, larger. A redraw of the view alone takes 5–10 ms here.
 */
const BUSY_MS = { most: 12, least: 8 } as const;

interface Pending {
  patches: DataPatch[];
  frame: number;
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
 * else a slice per animation frame, those in view first. Replaces whatever an earlier call left to apply.
 */
export function restyle(cy: Core, patches: DataPatch[]): void {
  const earlier = pending.get(cy);
  if (earlier) {
    cancelAnimationFrame(earlier.frame);
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
  const near: DataPatch[] = [];
  const far: DataPatch[] = [];
  for (const patch of patches) (inView(patch.element, extent, margin) ? near : far).push(patch);
  // Taken from the end: what is in view last in the list.
  const queue = [...far.reverse(), ...near.reverse()];
  const state: Pending = { patches: queue, frame: 0, done };
  pending.set(cy, state);
  let slice = FIRST_SLICE;
  let first = true;
  const step = (frameStart: number): void => {
    // Cytoscape's frame callback runs before this one (it asked for its frame first) and has just
    // restyled and drawn the last slice: the time since the frame began is what that slice cost.
    // (Not the gap between frames: on a busy machine it counts the waits for a core, not the work.)
    const busy = performance.now() - frameStart;
    if (!first) slice = Math.round(Math.min(SLICE_BOUNDS.max, Math.max(SLICE_BOUNDS.min, busy > BUSY_MS.most ? slice * 0.7 : busy < BUSY_MS.least ? slice * 1.3 : slice)));
    first = false;
    cy.batch(() => {
      for (let i = 0; i < slice && queue.length > 0; i += 1) apply(queue.pop()!);
    });
    if (queue.length > 0) {
      state.frame = requestAnimationFrame(step);
      return;
    }
    pending.delete(cy);
    for (const resolve of done) resolve();
  };
  state.frame = requestAnimationFrame(step);
}

/** Resolves once the canvas has every data change the render steps so far asked for. */
export function restyled(cy: Core): Promise<void> {
  const state = pending.get(cy);
  if (!state) return Promise.resolve();
  return new Promise((resolve) => state.done.push(resolve));
}
