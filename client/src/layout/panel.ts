/**
 * One way to build a panel (the styling panel, the article panel, the console drawer, the text
 * view, the side panel and its sections, the overview, the edit dialogs): open, close and toggle;
 * the opener's aria-expanded; the focus moved into the panel when it opens and back to its opener
 * when it closes; Escape to close where that is safe; the fold remembered in this browser; and, for
 * a panel over the canvas, its place among the areas that fits keep the graph clear of.
 *
 * The element shows as its kind says: `hidden` for most, `open` for a <details> (its summary opens
 * and closes it too, and the panel follows), showModal()/close() for a <dialog> (Escape is the
 * browser's there).
 */
import { readFoldChoice, writeFold } from './folds';
import type { Rect } from './free-area';

export interface PanelOptions {
  /** The button that opens and closes it: its aria-expanded follows the panel, and it gets the focus back on close. */
  opener?: HTMLElement;
  /** What a click on the opener does: toggle (the default), or open (an open panel then takes the focus). */
  openerOpens?: boolean;
  /** What takes the focus when it opens, or is asked to open when open already (`again`); default: its first control, else the panel; false leaves the focus where it is. */
  focus?: ((again: boolean) => void) | false;
  /** Escape inside the panel closes it. */
  closeOnEscape?: boolean;
  /** Kept open or folded in this browser under this key (see folds.ts). */
  remember?: string;
  /** A panel over the canvas: fits keep the graph clear of it while it shows. */
  covers?: CoveredAreas;
  /** How it shows, for a panel that is not shown by `hidden` (the text view is visually hidden, never hidden). */
  show?: (open: boolean) => void;
  /** Whether it shows now, with `show`. */
  shown?: () => boolean;
  /** After it opened or closed: what the panel does then (draws its contents, resizes the canvas). */
  toggled?: (open: boolean) => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export class Panel {
  private readonly listeners: Array<(open: boolean) => void> = [];
  private opener: HTMLElement | null;
  /** Open at the last opening or closing (a <details>' toggle event comes after the change: told once). */
  private wasOpen: boolean;
  /** The user's last choice, with `remember` (true: folded, false: open; null: none made, see follow). */
  private chosen: boolean | null = null;
  /** Opening or closing by itself (follow): not the user's choice. */
  private following = false;

  constructor(
    readonly root: HTMLElement,
    private readonly options: PanelOptions = {},
  ) {
    this.opener = options.opener ?? null;
    if (options.remember !== undefined) {
      this.chosen = readFoldChoice(options.remember);
      this.apply(this.chosen !== true);
    }
    this.wasOpen = this.isOpen;
    this.expanded();
    options.opener?.addEventListener('click', () => {
      // (A <summary> opens and closes its <details> itself.)
      if (root instanceof HTMLDetailsElement && options.opener?.tagName === 'SUMMARY') return;
      if (options.openerOpens) this.open();
      else this.toggle();
    });
    if (options.closeOnEscape)
      root.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || !this.isOpen) return;
        event.stopPropagation();
        this.close();
      });
    // A <details> opened or closed by its summary, a <dialog> closed by Escape: the panel follows.
    if (root instanceof HTMLDetailsElement) root.addEventListener('toggle', () => this.settled(root.open, false));
    if (root instanceof HTMLDialogElement) root.addEventListener('close', () => this.settled(false, document.activeElement === document.body));
    options.covers?.add(this);
  }

  get isOpen(): boolean {
    if (this.options.shown) return this.options.shown();
    if (this.root instanceof HTMLDetailsElement || this.root instanceof HTMLDialogElement) return this.root.open;
    return !this.root.hidden;
  }

  /** Told after each opening and closing. */
  onToggle(listener: (open: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Opens it and gives it the focus (open already, it takes the focus); `opener` gets the focus back when it closes. */
  open(opener?: HTMLElement | null): void {
    if (opener !== undefined) this.opener = opener;
    const again = this.isOpen;
    if (!again) {
      this.apply(true);
      this.settled(true, false);
    }
    this.takeFocus(again);
  }

  /** Closes it; the focus, when it was inside, goes back to the opener. */
  close(): void {
    if (!this.isOpen) return;
    const hadFocus = this.root.contains(document.activeElement) || document.activeElement === document.body;
    this.apply(false);
    this.settled(false, hadFocus);
  }

  toggle(open = !this.isOpen): void {
    if (open) this.open();
    else this.close();
  }

  /** The user's choice, for a panel that remembers its fold: folded (true), open (false), or none made (null). */
  choice(): boolean | null {
    return this.chosen;
  }

  /**
   * Opens or closes it by itself, as a rule says (a panel over a crowded canvas folds away, see
   * auto-fold.ts): not remembered as the user's choice, and the focus left where it is.
   */
  follow(open: boolean): void {
    if (open === this.isOpen) return;
    this.following = true;
    try {
      this.apply(open);
      this.settled(open, false);
    } finally {
      this.following = false;
    }
  }

  /** Whether the opening or closing being told to the listeners came from `follow` (a rule, not the user). */
  get byItself(): boolean {
    return this.following;
  }

  /** Whether `target` is inside the panel. */
  contains(target: EventTarget | null): boolean {
    return target instanceof Node && this.root.contains(target);
  }

  /** Where it covers the canvas whose box is `canvas` (`margin` around it); nothing when it does not show. */
  coverOf(canvas: DOMRect, margin: number): Rect | null {
    return this.isOpen ? coverOf(this.root, canvas, margin) : null;
  }

  private apply(open: boolean): void {
    const root = this.root;
    if (this.options.show) this.options.show(open);
    else if (root instanceof HTMLDialogElement) {
      if (open) root.showModal();
      else root.close();
    } else if (root instanceof HTMLDetailsElement) root.open = open;
    else root.hidden = !open;
  }

  /** The panel opened or closed: the opener says so, the fold is remembered, the listeners are told, and the focus goes back. */
  private settled(open: boolean, focusOpener: boolean): void {
    if (open === this.wasOpen) return;
    this.wasOpen = open;
    this.expanded();
    if (this.options.remember !== undefined && !this.following) {
      this.chosen = !open;
      writeFold(this.options.remember, !open);
    }
    this.options.toggled?.(open);
    for (const listener of this.listeners) listener(open);
    if (!open && focusOpener) this.opener?.focus({ preventScroll: true });
  }

  private expanded(): void {
    this.options.opener?.setAttribute('aria-expanded', String(this.isOpen));
  }

  private takeFocus(again: boolean): void {
    const focus = this.options.focus;
    if (focus === false) return;
    if (focus) focus(again);
    else (this.root.querySelector<HTMLElement>(FOCUSABLE) ?? this.root).focus({ preventScroll: true });
  }
}

/** Where `element` covers the canvas whose box is `canvas`, in the canvas's pixels, `margin` around it; nothing when it takes no room. */
function coverOf(element: HTMLElement, canvas: DOMRect, margin: number): Rect | null {
  if (element.hidden) return null;
  const r = element.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  return { x1: r.left - canvas.left - margin, y1: r.top - canvas.top - margin, x2: r.right - canvas.left + margin, y2: r.bottom - canvas.top + margin };
}

/**
 * The panels over the canvas: where they cover it, for the camera (fits keep the graph clear of
 * them; it asks at each fit, so a panel that opens or closes counts from the next fit on), and the
 * elements that cover it without being panels (the legend, the overview, the counts).
 */
export class CoveredAreas {
  private readonly covering: Array<Panel | HTMLElement> = [];

  constructor(
    private readonly canvas: HTMLElement,
    private readonly margin = 6,
  ) {}

  add(cover: Panel | HTMLElement): void {
    this.covering.push(cover);
  }

  /** The rectangles they cover now, in the canvas's pixels (but for those `except`). */
  rects(except: readonly HTMLElement[] = []): Rect[] {
    const origin = this.canvas.getBoundingClientRect();
    return this.covering
      .filter((cover) => !except.includes(cover instanceof Panel ? cover.root : cover))
      .flatMap((cover) => (cover instanceof Panel ? cover.coverOf(origin, this.margin) : coverOf(cover, origin, this.margin)) ?? []);
  }
}
