/**
 * The legend and the overview fold away by themselves when the canvas is too small for them to
 * leave the graph most of it (the console drawer open, a small window), or when the graph, at the
 * zoom at which its labels are readable, fits the canvas with them folded and not beside them open
 * (the start view at 1280×720: its top node under the counts, or a Fit zoomed out past the labels);
 * they unfold when room comes back. A fold or unfold the user chose wins and is remembered
 * (folds.ts). The rules are pure; the class holds the panels and applies them.
 */
import type { Rect, Size } from './free-area';
import type { Panel } from './panel';

/** A canvas shorter than this folds the panels (the console open on a laptop: about 400 px). */
export const SHORT_CANVAS = 520;
/** A canvas narrower than this folds them (the legend alone is up to 420 px wide). */
export const NARROW_CANVAS = 600;
/** Open panels covering more than this share of the canvas fold. */
export const CROWDED_SHARE = 0.35;

/** Whether panels of these open sizes would crowd the canvas: it is short or narrow, or they would cover more than CROWDED_SHARE of it. */
export function crowded(canvas: Size, open: readonly Size[]): boolean {
  // (Not laid out yet, or the console alone in the window: nothing to decide.)
  if (canvas.w <= 0 || canvas.h <= 0) return false;
  if (canvas.h < SHORT_CANVAS || canvas.w < NARROW_CANVAS) return true;
  const covered = open.reduce((sum, size) => sum + size.w * size.h, 0);
  return covered > CROWDED_SHARE * canvas.w * canvas.h;
}

/** Where a panel sits over the canvas: its size, and its distances from the canvas's nearest edges (so that where it would be open can be worked out at another canvas size). */
export interface Anchor {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Measured from the right edge (else the left). */
  right: boolean;
  /** Measured from the bottom edge (else the top). */
  bottom: boolean;
}

type Box = { left: number; top: number; right: number; bottom: number };

/** The anchor of a panel whose box is `panel`, over a canvas whose box is `canvas` (client boxes, as getBoundingClientRect gives them). */
export function anchorOf(panel: Box, canvas: Box): Anchor {
  const left = panel.left - canvas.left;
  const right = canvas.right - panel.right;
  const top = panel.top - canvas.top;
  const bottom = canvas.bottom - panel.bottom;
  return { x: Math.min(left, right), y: Math.min(top, bottom), w: panel.right - panel.left, h: panel.bottom - panel.top, right: right < left, bottom: bottom < top };
}

/** The anchor of a panel element over the canvas it is placed in (its offset parent), or null while it is not laid out. */
export function anchorIn(panel: HTMLElement): Anchor | null {
  return panel.offsetParent ? anchorOf(panel.getBoundingClientRect(), panel.offsetParent.getBoundingClientRect()) : null;
}

/** Where a panel of this anchor covers a canvas of this size, `margin` around it (as CoveredAreas counts it). */
export function placed(anchor: Anchor, canvas: Size, margin = 6): Rect {
  const x1 = anchor.right ? canvas.w - anchor.x - anchor.w : anchor.x;
  const y1 = anchor.bottom ? canvas.h - anchor.y - anchor.h : anchor.y;
  return { x1: x1 - margin, y1: y1 - margin, x2: x1 + anchor.w + margin, y2: y1 + anchor.h + margin };
}

/**
 * Whether the panels should fold for the graph's sake: at the readable zoom it fits the canvas
 * with them folded (`fits([])`) and not beside them open (`fits(open)`). A graph too large for
 * either keeps them open: folding would not show it whole, and the legend is what explains it.
 */
export function graphNeedsRoom(open: readonly Rect[], fits: (covering: readonly Rect[]) => boolean): boolean {
  return open.length > 0 && !fits(open) && fits([]);
}

/** A panel over the canvas that may fold by itself. */
export interface Foldable {
  /** The user's choice (true: folded, false: open), or null while they have made none. */
  choice(): boolean | null;
  /** Its size when open (as last measured open), or null while it does not show at all. */
  openSize(): Size | null;
  /** Where it sits when open (as last measured open), or null while it does not show at all. */
  openAnchor?(): Anchor | null;
  /** Folds or unfolds it by itself (called only while the user has made no choice). */
  fold(folded: boolean): void;
  /** Calls `changed` when its content (and so its open size) changes. */
  watch?(changed: () => void): void;
}

/**
 * A Panel over the canvas (the legend's lists, the overview's minimap, each folding to its header) as
 * AutoFolds sees it: the user's remembered choice, `whole` (the panel with its header) measured
 * while open, and folded or unfolded by itself through Panel.follow. A fold the user makes and a
 * `redrawn()` content tell AutoFolds to measure again; a fold it made itself does not.
 */
export function autoFoldable(panel: Panel, whole: HTMLElement): Foldable & { redrawn(): void } {
  let openSize: Size | null = null;
  let anchor: Anchor | null = null;
  let changed: (() => void) | null = null;
  const measured = (): boolean => {
    if (whole.hidden) return false;
    if (panel.isOpen) {
      openSize = { w: whole.offsetWidth, h: whole.offsetHeight };
      anchor = anchorIn(whole) ?? anchor;
    }
    return true;
  };
  panel.onToggle(() => {
    if (!panel.byItself) changed?.();
  });
  return {
    choice: () => panel.choice(),
    openSize: () => (measured() ? openSize : null),
    openAnchor: () => (measured() ? anchor : null),
    fold: (folded) => panel.follow(!folded),
    watch: (listener) => {
      changed = listener;
    },
    redrawn: () => changed?.(),
  };
}

export class AutoFolds {
  private readonly panels: Foldable[] = [];
  private crowdedNow = false;
  private scheduled = false;

  /**
   * `graphCheck`: measures the graph shown, once per update, and gives what tells whether it fits
   * the canvas at the readable zoom clear of these rectangles besides what else covers it (the
   * counts, open panels that do not fold); by default the graph is not asked. `later`: when an
   * update that a panel's new content asks for runs (by default at once). The page runs it once
   * the canvas has its latest styling and before the next frame is painted: a legend redrawn after
   * every change would otherwise measure the whole graph in the task of that change (a styling
   * rule's click at 1,000 nodes: 23 ms), and measure it before the rule's sizes are in.
   */
  constructor(
    private readonly canvas: () => Size,
    private readonly graphCheck: () => (covering: readonly Rect[]) => boolean = () => () => true,
    private readonly later: (run: () => void) => void = (run) => run(),
  ) {}

  add(panel: Foldable): void {
    this.panels.push(panel);
    panel.watch?.(() => this.updateSoon());
  }

  /** An update by `later`: as many asked for before it runs make one. */
  updateSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      this.update();
    });
  }

  /** Whether the canvas is crowded at its last measure (what a panel without a choice follows). */
  get isCrowded(): boolean {
    return this.crowdedNow;
  }

  /** Measures again (the canvas resized, a panel's content or the graph changed) and folds or unfolds the panels without a choice. */
  update(): void {
    const canvas = this.canvas();
    const open = this.panels.map((panel) => panel.openSize()).filter((size): size is Size => size !== null);
    const where = this.panels.map((panel) => panel.openAnchor?.() ?? null).filter((anchor): anchor is Anchor => anchor !== null);
    const forGraph = (): boolean => canvas.w > 0 && canvas.h > 0 && where.length > 0 && graphNeedsRoom(where.map((anchor) => placed(anchor, canvas)), this.graphCheck());
    this.crowdedNow = crowded(canvas, open) || forGraph();
    for (const panel of this.panels) if (panel.choice() === null) panel.fold(this.crowdedNow);
  }
}
