/**
 * The address bar holds the view. Each step of the undo history (a new step, an undo, a redo) is a
 * new entry in the browser's history, so that Back and Forward step through the views; what is not
 * a step (a camera move, the selection, a highlight, a step's follow-ups) rewrites the current
 * entry. Back and Forward to a step of the page's undo history undo or redo to it (the history
 * kept); a link pasted into the address bar, or an entry from before a reload, opens the view it
 * holds. Neither adds an entry.
 */
import { errorToast, toast } from '../ui/toast';

export interface AddressBarHost {
  /** Whether the canvas shows anything (an empty canvas has no #view). */
  hasView(): boolean;
  /** The view as the text after `#view=`. */
  shareText(): string;
  /** The number of the undo step shown now (it changes with each step, undo and redo). */
  step(): number;
  /** Goes to the view of a link (null: an address without one, the canvas emptied) if it is a step of the page's undo history (Back, Forward): true if so. */
  travelTo(text: string | null): boolean;
  /** Opens the view of a link (`stillWanted` turns false when another was asked for since). */
  openShared(text: string, stillWanted: () => boolean): Promise<void>;
  /** Opens the start view (an address without a view). */
  openStart(): Promise<void>;
  /** A view from the address bar was opened (what was inspected belongs to the view before). */
  opened(): void;
}

/** How long camera moves (a pan, a zoom, an animation) settle before the current entry is rewritten. */
const SETTLE_MS = 150;

export class AddressBar {
  /** The write waiting for its time: a timer, and for a write after the next frame, that frame. */
  private timer = 0;
  private frame = 0;
  /** The hash last written or followed: a hashchange to anything else is the user's. */
  private knownHash = location.hash;
  /** Counts the views asked for from the address bar: only the latest is opened. */
  private navigation = 0;
  /** A view is being opened from the address bar (or at start-up): nothing is written meanwhile. */
  private following = false;
  /** The undo step the current history entry holds. */
  private writtenStep: number;

  constructor(private readonly host: AddressBarHost) {
    this.writtenStep = host.step();
    window.addEventListener('hashchange', () => this.follow());
    window.addEventListener('popstate', () => this.follow());
  }

  /** The view in the address bar when the page opened (`#view=…`), if any. */
  sharedViewText(): string | undefined {
    return /^#view=(.+)$/.exec(location.hash)?.[1];
  }

  /**
   * The view changed: a new undo step is written at once, as an entry of its own. Anything else (a
   * styling rule, the highlight) goes over the current entry in a task of its own just after the
   * frame that shows it: so a reload right after the change reopens it, and neither the click's task
   * nor that frame also makes and writes the link (10 ms for a 1,000-node view, most of it the
   * browser's replaceState of so long an address).
   */
  viewChanged(): void {
    if (this.following) this.writeSoon();
    else if (this.host.step() !== this.writtenStep) this.write();
    else this.writeNext();
  }

  /** The camera moved (pan, zoom): the current entry is rewritten once it settles. */
  cameraMoved(): void {
    this.writeSoon();
  }

  /**
   * Opens a view that the address already holds (the link the page opened with, or the start view
   * on a bare address): the current entry takes it, no entry is added.
   */
  async opening(open: () => Promise<void>): Promise<void> {
    this.following = true;
    try {
      await open();
    } finally {
      this.following = false;
      this.writtenStep = this.host.step();
      this.writeSoon();
    }
  }

  /** Copies a link to the view (and puts it in the address bar, as the current entry). */
  async share(): Promise<void> {
    const url = `${location.origin}${location.pathname}#view=${this.host.shareText()}`;
    this.knownHash = new URL(url).hash;
    window.history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      toast('Link to this view copied.');
    } catch {
      toast('The browser did not let the page copy: copy the address bar, it holds this view.');
    }
  }

  /** Forgets the write waiting, if any: the one asked for now replaces it. */
  private cancelPending(): void {
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
  }

  private writeSoon(): void {
    this.cancelPending();
    this.timer = window.setTimeout(() => this.write(), SETTLE_MS);
  }

  /** Writes after the next frame, in a task of its own (the frame that shows the change is not kept waiting). */
  private writeNext(): void {
    this.cancelPending();
    this.frame = requestAnimationFrame(() => {
      this.timer = window.setTimeout(() => this.write(), 0);
    });
  }

  /** Writes the view into the address bar: a new entry when the undo step changed since the last write, else the current one. */
  private write(): void {
    this.cancelPending();
    if (this.following) return;
    const hash = this.host.hasView() ? `#view=${this.host.shareText()}` : '';
    const step = this.host.step();
    const isNewStep = step !== this.writtenStep;
    this.writtenStep = step;
    this.knownHash = hash;
    if (location.hash === hash) return;
    const url = `${location.pathname}${location.search}${hash}`;
    if (isNewStep) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  /** Opens the view the address bar holds now (a pasted link, Back, Forward), unless it is the one written last. */
  private follow(): void {
    if (location.hash === this.knownHash) return;
    this.knownHash = location.hash;
    this.cancelPending();
    const ticket = ++this.navigation;
    this.following = true;
    const shared = this.sharedViewText();
    // A step of this page's undo history (Back, Forward): undone or redone to, the history kept.
    if (this.host.travelTo(shared ?? null)) {
      this.following = false;
      this.writtenStep = this.host.step();
      this.writeSoon();
      return;
    }
    const opening = shared ? this.host.openShared(shared, () => ticket === this.navigation) : this.host.openStart();
    opening
      .catch((error: unknown) => errorToast(error, 'Could not open the view in the address bar'))
      .finally(() => {
        if (ticket !== this.navigation) return;
        this.following = false;
        this.writtenStep = this.host.step();
        this.host.opened();
        this.writeSoon();
      });
  }
}
