/**
 * A large restyle shown at once, drawn off screen in slices. While a styling rule's changes are
 * applied across frames (restyle.ts), Cytoscape would redraw its element layer at every frame in
 * between, element by element (its layer cache is off for 250 ms after any change): a task of
 * 20–30 ms under software rendering at 1,000 nodes in view, so every frame of the restyle is a long
 * one, whatever the slices cost. Here the element layer is held instead: it keeps showing what it
 * showed while the changes are applied, then the graph as it now is gets drawn onto a canvas off
 * screen, a slice per task (each at most DRAW_SLICE_MS), and that canvas is copied onto the element
 * layer in one step. Same calls, same order, same transform as Cytoscape's own redraw; it differs
 * from a redraw at the end only at the level of anti-aliasing (a node's texture made in the
 * restyle's frames may be coarser than the one a redraw at the end would make; none is refined while
 * the slices are drawn). Chromium rasterises what a task drew into a canvas when that task ends
 * (CanvasRenderingContext2D::FinalizeFrame in a trace), at 2 to 3 times the JS time of the drawing
 * here, so a slice's JS is kept short for its task to stay well inside a frame. (A 1-pixel
 * read-back after each slice, to rasterise it at once, gave different pixels, up to whole ones.)
 *
 * The hold lasts only while nothing else changes: any notification the renderer gets that is not
 * the restyle's own (an element added, removed, moved or selected, the view panned or zoomed, a
 * class set, a resize) lets it go, and Cytoscape draws everything again itself, as without it.
 *
 * It wraps the renderer's `render` and `notify` (instance properties over its prototype's, as
 * cull.ts and hit-index.ts do) and reads the fields of Cytoscape 3's canvas renderer named in
 * `Renderer`; without them (another renderer) there is no hold and the restyle is drawn as before.
 */
import type { Core } from 'cytoscape';

/** What is read of Cytoscape 3's canvas renderer. */
interface Renderer {
  NODE: number;
  data: { canvasNeedsRedraw: boolean[]; contexts: CanvasRenderingContext2D[] };
  canvasWidth: number;
  canvasHeight: number;
  render(options?: { forcedContext?: unknown; drawAllLayers?: boolean; drawOnlyNodeLayer?: boolean }): void;
  notify(eventName: string, eles?: unknown): void;
  redrawHint(group: string, on: boolean): void;
  redraw(): void;
  getPixelRatio(): number;
  flushRenderedStyleQueue(): void;
  /** What runs before each frame (the texture caches' dequeuing among them): `fn(willDraw, frameStart)`. */
  beforeRenderCallbacks: Array<{ fn: (willDraw: boolean, frameStart: number) => void }>;
  getCachedZSortedEles(): { nondrag: unknown[] };
  drawCachedElements(context: CanvasRenderingContext2D, eles: unknown[], pxRatio: number, extent: unknown): void;
}

/**
 * The time one slice of the off-screen drawing takes in JS at most: with its rasterising at the
 * end of the task (2 to 3 times as long, traced at 1,000 nodes) a task of 6 to 8 ms, room for a
 * young-generation GC (8–12 ms here while a restyle allocates) in the same frame.
 */
export const DRAW_SLICE_MS = 2;
/**
 * Milliseconds of a held frame that Cytoscape's texture caches may spend on their queue. Its
 * element layer costs nothing to draw while held, so Cytoscape takes the frame for a fast one and
 * dequeues until 90% of it has gone (13-15 ms traced at 1,000 restyled nodes); with the restyle's
 * slices after it, every frame of the hold took 18-30 ms. Its frame start is given to it earlier by
 * the difference: it stops this far into the frame. (What it leaves, the drawing slices do.)
 */
export const HELD_DEQUEUE_MS = 5;
/** The frame Cytoscape measures its dequeuing against (60 Hz), and the share of it it takes. */
const FULL_FRAME_MS = 1000 / 60;
const DEQUEUE_SHARE = 0.9;
/** Elements drawn between two looks at the clock. */
const CHUNK = 8;

export interface HeldView {
  /** Whether the element layer is still held (nothing but the restyle changed since). */
  readonly held: boolean;
  /**
   * Runs `change` (the restyle's own data changes) without letting the view go, then flushes
   * Cytoscape's queue of elements whose rendered style its next frame would compute again. (Asking
   * an element for its box marks it for that, a resized node's relationships too: in the frames of
   * a 1,000-node restyle that was 100 ms of work, 70 of it the relationships' curves.)
   */
  quietly(change: () => void): void;
  /**
   * Draws the graph as it now is off screen, a slice per task, and shows it in one step; `done`
   * is called then, or as soon as the view is let go (Cytoscape then draws it itself).
   */
  show(done: () => void): void;
  /** Lets the view go: Cytoscape draws the element layer again itself. */
  release(): void;
}

interface Controller {
  renderer: Renderer;
  current: Hold | null;
}

interface Hold extends HeldView {
  quiet: boolean;
  /** Being drawn off screen (show): Cytoscape's textures are left as they are until it is shown. */
  drawing: boolean;
  /** Ends the hold: Cytoscape is asked to draw the element layer again itself, and `show`'s `done` is called. */
  letGo(): void;
}

const controllers = new WeakMap<Core, Controller | null>();

function usable(renderer: Partial<Renderer> | undefined): renderer is Renderer {
  return (
    renderer !== undefined &&
    typeof renderer.NODE === 'number' &&
    Array.isArray(renderer.data?.canvasNeedsRedraw) &&
    Array.isArray(renderer.data?.contexts) &&
    typeof renderer.canvasWidth === 'number' &&
    Array.isArray(renderer.beforeRenderCallbacks) &&
    ['render', 'notify', 'redrawHint', 'redraw', 'getPixelRatio', 'flushRenderedStyleQueue', 'getCachedZSortedEles', 'drawCachedElements'].every((name) => typeof (renderer as Record<string, unknown>)[name] === 'function')
  );
}

/** The controller of `cy`'s renderer, its `render` and `notify` wrapped on first use; null without a usable renderer. */
function controllerOf(cy: Core): Controller | null {
  if (controllers.has(cy)) return controllers.get(cy)!;
  const renderer = (cy as unknown as { renderer(): Partial<Renderer> | undefined }).renderer();
  if (!usable(renderer)) {
    controllers.set(cy, null);
    return null;
  }
  const controller: Controller = { renderer, current: null };
  const render = renderer.render;
  const notify = renderer.notify;
  renderer.render = function (options) {
    // Held: the element layer keeps its pixels (the other layers are drawn as ever). An export or
    // any drawing into another context is Cytoscape's as before.
    if (controller.current && !options?.forcedContext && !options?.drawAllLayers && !options?.drawOnlyNodeLayer) this.data.canvasNeedsRedraw[this.NODE] = false;
    render.call(this, options);
  };
  renderer.notify = function (eventName, eles) {
    const hold = controller.current;
    if (hold && !hold.quiet) hold.letGo();
    notify.call(this, eventName, eles);
  };
  // Held, the texture caches' dequeuing stops HELD_DEQUEUE_MS into the frame (see there); while the
  // graph is drawn off screen it does not start, so that no texture is refined between two slices
  // (the later slices would draw a finer one than the earlier).
  const early = FULL_FRAME_MS * DEQUEUE_SHARE - HELD_DEQUEUE_MS;
  for (const callback of renderer.beforeRenderCallbacks) {
    const fn = callback.fn;
    callback.fn = (willDraw, frameStart) => {
      const hold = controller.current;
      fn(willDraw, hold ? frameStart - (hold.drawing ? FULL_FRAME_MS : early) : frameStart);
    };
  }
  controllers.set(cy, controller);
  return controller;
}

/** Holds `cy`'s element layer (see above); null when its renderer is not one this can hold. A new hold lets an earlier one go. */
export function holdView(cy: Core): HeldView | null {
  if (cy.destroyed()) return null;
  const controller = controllerOf(cy);
  if (!controller) return null;
  controller.current?.letGo();
  const r = controller.renderer;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished: (() => void) | null = null;
  const hold: Hold = {
    quiet: false,
    drawing: false,
    get held() {
      return controller.current === hold;
    },
    quietly(change) {
      hold.quiet = true;
      try {
        change();
        r.flushRenderedStyleQueue();
      } finally {
        hold.quiet = false;
      }
    },
    letGo() {
      if (controller.current !== hold) return;
      controller.current = null;
      clearTimeout(timer);
      r.redrawHint('eles', true);
      r.redraw();
      const done = finished;
      finished = null;
      done?.();
    },
    release() {
      hold.letGo();
    },
    show(done) {
      if (!hold.held || cy.destroyed()) {
        done();
        return;
      }
      finished = done;
      hold.drawing = true;
      // What Cytoscape does before each frame it draws: the restyled elements' rendered style and
      // geometry brought up to date, and their textures invalidated (else the old ones are drawn).
      r.flushRenderedStyleQueue();
      const pxRatio = r.getPixelRatio();
      const zoom = cy.zoom();
      const pan = cy.pan();
      const extent = cy.extent();
      // What Cytoscape's redraw of the element layer draws, in its order (elements being dragged
      // are on another layer; none are while held).
      const eles = r.getCachedZSortedEles().nondrag;
      const canvas = document.createElement('canvas');
      canvas.width = r.canvasWidth;
      canvas.height = r.canvasHeight;
      const context = canvas.getContext('2d');
      if (!context) {
        hold.letGo();
        return;
      }
      // Cytoscape's transform for the element layer: the view's pan and zoom at the pixel ratio. Set
      // once: Cytoscape's drawing of each element leaves it as it found it only to within rounding,
      // and the next is drawn under what it left, here as on its own layer.
      context.setTransform(zoom * pxRatio, 0, 0, zoom * pxRatio, pan.x * pxRatio, pan.y * pxRatio);
      let next = 0;
      const slice = (): void => {
        if (!hold.held) return;
        if (cy.destroyed()) {
          controller.current = null;
          finished = null;
          done();
          return;
        }
        const until = performance.now() + DRAW_SLICE_MS;
        do {
          const chunk = eles.slice(next, next + CHUNK);
          next += chunk.length;
          r.drawCachedElements(context, chunk, pxRatio, extent);
        } while (next < eles.length && performance.now() < until);
        // The next slice as a task of its own: the page's frames and input run in between (the
        // element layer is not drawn, so a frame costs little).
        if (next < eles.length) {
          timer = setTimeout(slice, 0);
          return;
        }
        const layer = r.data.contexts[r.NODE]!;
        layer.setTransform(1, 0, 0, 1, 0, 0);
        layer.clearRect(0, 0, r.canvasWidth, r.canvasHeight);
        layer.drawImage(canvas, 0, 0);
        // Shown: the element layer is what Cytoscape would draw now, so it need not draw it again.
        r.data.canvasNeedsRedraw[r.NODE] = false;
        controller.current = null;
        finished = null;
        done();
      };
      timer = setTimeout(slice, 0);
    },
  };
  controller.current = hold;
  return hold;
}
