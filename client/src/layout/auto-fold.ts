/**
 * The legend and the overview fold away by themselves when the canvas is too small for them to
 * leave the graph most of it (the console drawer open, a small window), and unfold when room comes
 * back; a fold or unfold the user chose wins and is remembered (folds.ts). The rule is pure; the
 * class holds the panels and applies it.
 */
import type { Size } from './free-area';

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

/** A panel over the canvas that may fold by itself. */
export interface Foldable {
  /** The user's choice (true: folded, false: open), or null while they have made none. */
  choice(): boolean | null;
  /** Its size when open (as last measured open), or null while it does not show at all. */
  openSize(): Size | null;
  /** Folds or unfolds it by itself (called only while the user has made no choice). */
  fold(folded: boolean): void;
  /** Calls `changed` when its content (and so its open size) changes. */
  watch?(changed: () => void): void;
}

export class AutoFolds {
  private readonly panels: Foldable[] = [];
  private crowdedNow = false;

  constructor(private readonly canvas: () => Size) {}

  add(panel: Foldable): void {
    this.panels.push(panel);
    panel.watch?.(() => this.update());
  }

  /** Whether the canvas is crowded at its last measure (what a panel without a choice follows). */
  get isCrowded(): boolean {
    return this.crowdedNow;
  }

  /** Measures again (the canvas resized, a panel's content changed) and folds or unfolds the panels without a choice. */
  update(): void {
    const open = this.panels.map((panel) => panel.openSize()).filter((size): size is Size => size !== null);
    this.crowdedNow = crowded(this.canvas(), open);
    for (const panel of this.panels) if (panel.choice() === null) panel.fold(this.crowdedNow);
  }
}
