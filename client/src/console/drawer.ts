/**
 * The console as a drawer under the canvas: a handle to drag (or to key: arrows, Page Up/Down, Home,
 * End) its height, remembered in this browser; a toggle that gives it the whole work area; a link
 * that opens the console alone in a new tab (`?console=full`, the same page: no inline script).
 */
import { h } from '../ui/dom';
import { drawerPixels, drawerShare, readShare } from '../layout/drawer-size';

const HEIGHT_KEY = 'fingraph.console.height';
/** The address that opens the console alone, full-window. */
export const CONSOLE_ONLY_PARAM = 'console';
const KEY_STEP = 0.05;

export function consoleOnlyRequested(search = location.search): boolean {
  return new URLSearchParams(search).get(CONSOLE_ONLY_PARAM) === 'full';
}

export class ConsoleDrawer {
  readonly handle: HTMLElement;
  /** Buttons for the console's bar: maximise, open in a new tab. */
  readonly controls: HTMLElement[];
  private readonly maximiseButton: HTMLButtonElement;
  private share = readShare(stored());
  private maximised = false;

  constructor(
    private readonly work: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly resized: () => void,
  ) {
    this.handle = h('div', {
      class: 'console-handle',
      role: 'separator',
      tabindex: 0,
      'aria-orientation': 'horizontal',
      'aria-controls': panel.id,
      'aria-label': 'Console height: drag, or use the arrow keys',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      title: 'Drag to resize the console',
      'data-testid': 'console-handle',
      hidden: true,
    });
    panel.before(this.handle);
    this.maximiseButton = h('button', { type: 'button', class: 'console-icon console-maximise', 'aria-pressed': 'false', 'aria-label': 'Maximise the console', title: 'Maximise: give the console the whole work area', 'data-testid': 'console-maximise', onclick: () => this.maximise(!this.maximised) }, '⤢');
    const newTab = h(
      'a',
      { class: 'button-link console-icon console-new-tab', href: `${location.pathname}?${CONSOLE_ONLY_PARAM}=full`, target: '_blank', rel: 'noopener', 'aria-label': 'Open the console in a new tab', title: 'Open the console alone in a new tab', 'data-testid': 'console-new-tab' },
      '↗',
    );
    this.controls = [this.maximiseButton, newTab];
    this.listen();
    new ResizeObserver(() => this.apply()).observe(work);
  }

  get isMaximised(): boolean {
    return this.maximised;
  }

  /** Shows the drawer's parts as the panel is now (open or closed). */
  apply(): void {
    const open = !this.panel.hidden;
    this.handle.hidden = !open || this.maximised;
    this.panel.classList.toggle('maximised', this.maximised);
    const work = this.work.clientHeight;
    const pixels = drawerPixels(this.share, work);
    this.panel.style.height = this.maximised ? '' : `${pixels}px`;
    this.handle.setAttribute('aria-valuenow', String(this.maximised ? 100 : Math.round((pixels / Math.max(work, 1)) * 100)));
  }

  maximise(on: boolean): void {
    this.maximised = on;
    if (!on) document.body.classList.remove('console-only');
    this.maximiseButton.setAttribute('aria-pressed', String(on));
    this.maximiseButton.textContent = on ? '⤡' : '⤢';
    this.maximiseButton.setAttribute('aria-label', on ? 'Restore the console to a drawer' : 'Maximise the console');
    this.maximiseButton.title = on ? 'Restore: back to a drawer under the canvas' : 'Maximise: give the console the whole work area';
    this.apply();
    this.resized();
  }

  private setHeight(pixels: number, remember: boolean): void {
    this.share = drawerShare(pixels, this.work.clientHeight);
    this.apply();
    if (remember) {
      try {
        localStorage.setItem(HEIGHT_KEY, String(this.share));
      } catch {
        // Storage may be off: the height lasts for this page.
      }
    }
  }

  private listen(): void {
    let start: { y: number; height: number } | null = null;
    this.handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      this.handle.setPointerCapture(event.pointerId);
      start = { y: event.clientY, height: this.panel.getBoundingClientRect().height };
      this.handle.classList.add('dragging');
    });
    this.handle.addEventListener('pointermove', (event) => {
      if (start && this.handle.hasPointerCapture(event.pointerId)) this.setHeight(start.height + start.y - event.clientY, false);
    });
    const end = (event: PointerEvent): void => {
      if (!start) return;
      this.setHeight(start.height + start.y - event.clientY, true);
      start = null;
      this.handle.classList.remove('dragging');
    };
    this.handle.addEventListener('pointerup', end);
    this.handle.addEventListener('pointercancel', end);
    this.handle.addEventListener('keydown', (event) => {
      const work = this.work.clientHeight;
      const now = this.panel.getBoundingClientRect().height;
      const step = work * KEY_STEP;
      const to: Record<string, number> = { ArrowUp: now + step, ArrowDown: now - step, PageUp: now + 4 * step, PageDown: now - 4 * step, Home: work, End: 0 };
      const next = to[event.key];
      if (next === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      this.setHeight(next, true);
    });
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(HEIGHT_KEY);
  } catch {
    return null;
  }
}
