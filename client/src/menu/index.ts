/**
 * The context menu of a node: expand all or one relationship type in one direction (with counts),
 * collapse, hide, pin, remove, inspect, and the ends of a path. Keyboard: the arrows, Home and End
 * move, Enter or Space picks, Escape or Tab closes; closed, the focus goes back where it was (the canvas).
 */
import type { NodeDetails } from '../../../server/contract';
import { groupText } from '../inspector/format';
import { h, fill } from '../ui/dom';

export interface MenuItem {
  text: string;
  run(): void;
  disabled?: boolean;
  testId?: string;
}

export class ContextMenu {
  private readonly root = h('div', { class: 'context-menu', role: 'menu', hidden: true, 'data-testid': 'context-menu' });
  /** What had the focus when the menu opened: it gets it back when the menu closes. */
  private opener: HTMLElement | null = null;
  /** The item the menu focused when shown (a redraw then focuses the new first item, unless the user moved on). */
  private firstFocused: HTMLButtonElement | null = null;

  constructor(parent: HTMLElement = document.body) {
    parent.append(this.root);
    document.addEventListener('pointerdown', (event) => {
      if (!this.root.contains(event.target as Node)) this.close();
    });
    this.root.addEventListener('keydown', (event) => {
      const items = [...this.root.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
      const index = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
      else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
      else if (event.key === 'Home') items[0]?.focus();
      else if (event.key === 'End') items[items.length - 1]?.focus();
      else if (event.key === 'Escape' || event.key === 'Tab') this.close();
      else return;
      event.preventDefault();
    });
  }

  get open(): boolean {
    return !this.root.hidden;
  }

  show(x: number, y: number, title: string, sections: MenuItem[][]): void {
    // Shown again while open (its relationship types came): the same opener, and the same item keeps the focus.
    const active = document.activeElement;
    const focusedText = active instanceof HTMLButtonElement && this.root.contains(active) && active !== this.firstFocused ? active.textContent : null;
    if (!this.open) this.opener = active instanceof HTMLElement && active !== document.body ? active : null;
    this.root.setAttribute('aria-label', title);
    fill(
      this.root,
      h('div', { class: 'menu-title', 'aria-hidden': 'true' }, title),
      ...sections.filter((section) => section.length > 0).flatMap((section, index) => [
        index > 0 ? h('hr', {}) : null,
        ...section.map((item) =>
          h(
            'button',
            { type: 'button', role: 'menuitem', disabled: item.disabled, 'data-testid': item.testId, onclick: () => { this.close(); item.run(); } },
            item.text,
          ),
        ),
      ]),
    );
    this.root.hidden = false;
    const { innerWidth, innerHeight } = window;
    const rect = this.root.getBoundingClientRect();
    this.root.style.left = `${Math.min(x, innerWidth - rect.width - 8)}px`;
    this.root.style.top = `${Math.min(y, innerHeight - rect.height - 8)}px`;
    const items = [...this.root.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const kept = items.find((item) => focusedText !== null && item.textContent === focusedText);
    this.firstFocused = kept ? null : (items[0] ?? null);
    (kept ?? items[0])?.focus();
  }

  close(): void {
    if (!this.open) return;
    const hadFocus = this.root.contains(document.activeElement);
    this.root.hidden = true;
    if (hadFocus) this.opener?.focus({ preventScroll: true });
    this.opener = null;
  }
}

/** The expand entries for a node's relationship groups. Pure apart from the callbacks. */
export function expandItems(details: NodeDetails, expand: (type: string | null, direction: 'out' | 'in' | 'both') => void): MenuItem[] {
  return [
    { text: `Expand all (${details.degree})`, run: () => expand(null, 'both'), disabled: details.degree === 0, testId: 'menu-expand-all' },
    ...details.degrees.map((group) => ({
      text: `${groupText(group.type, group.direction)} (${group.count})`,
      run: () => expand(group.type, group.direction),
      testId: `menu-expand-${group.type}-${group.direction}`,
    })),
  ];
}
