/**
 * Blank canvas layers out of the compositor. Cytoscape draws on three stacked canvases the size of
 * the view: the elements, the elements being dragged, and the box selection. The last two are
 * blank nearly all the time, yet Chromium hands every visible canvas to the compositor again at
 * each frame that changes anything on the page, drawn on or not: under software rendering a copy
 * of the whole canvas each (0.5–3 ms for 1440×900 here, and 5–7 ms the first two times a canvas
 * appears, while its buffers are allocated). A hidden canvas is not handed over. Here each canvas
 * is hidden (`visibility: hidden`) while it is blank, from the moment Cytoscape clears all of it,
 * and shown again as soon as anything is drawn on it, in the same frame: what is seen is the same.
 *
 * It wraps the drawing calls of each canvas's own 2D context (the instance, not the prototype),
 * so it needs nothing of Cytoscape's internals beyond its canvases being children of its container.
 */
import type { Core } from 'cytoscape';

/** The context calls that put pixels on a canvas (after them it is not blank). */
const DRAWING = ['fill', 'stroke', 'fillRect', 'strokeRect', 'fillText', 'strokeText', 'drawImage', 'putImageData'] as const;

type Drawing = (typeof DRAWING)[number];

/** Whether (x, y, w, h) under the context's transform covers the whole canvas. */
function coversAll(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): boolean {
  const { a, b, c, d, e, f } = context.getTransform();
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return false;
  const { width, height } = context.canvas;
  return a * x + e <= 0 && d * y + f <= 0 && a * (x + w) + e >= width && d * (y + h) + f >= height;
}

/** Hides `canvas` while it is blank (see above). */
export function hideWhileBlank(canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  let blank = false;
  let syncing = false;
  // Once the drawing in progress is done (a microtask: before the frame's style and paint), so that
  // a canvas cleared and drawn on again in the same frame (the elements' layer at every redraw) is
  // not hidden and shown: its style is written only when it really goes blank or stops being blank.
  const sync = (): void => {
    syncing = false;
    const visibility = blank ? 'hidden' : '';
    if (canvas.style.visibility !== visibility) canvas.style.visibility = visibility;
  };
  const changed = (isBlank: boolean): void => {
    if (blank === isBlank) return;
    blank = isBlank;
    if (!syncing) {
      syncing = true;
      queueMicrotask(sync);
    }
  };
  const proto = CanvasRenderingContext2D.prototype;
  const clearRect = proto.clearRect;
  context.clearRect = function (x: number, y: number, w: number, h: number): void {
    clearRect.call(this, x, y, w, h);
    if (coversAll(this, x, y, w, h)) changed(true);
  };
  for (const name of DRAWING) {
    const draw = proto[name] as (this: CanvasRenderingContext2D, ...args: unknown[]) => void;
    (context as unknown as Record<Drawing, (...args: unknown[]) => void>)[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]): void {
      changed(false);
      draw.apply(this, args);
    };
  }
}

/** Hides each of `cy`'s canvases while it is blank. Call right after creating `cy`. */
export function hideBlankLayers(cy: Core): void {
  const container = cy.container();
  if (!container) return;
  // Cytoscape's own canvases: children of the one element it adds to its container.
  for (const canvas of container.querySelectorAll<HTMLCanvasElement>(':scope > div > canvas')) hideWhileBlank(canvas);
}
