/**
 * A toolbar that never loses a control: the items that do not fit the row go into a "More ⋯" menu,
 * the least important first (each item's `data-priority`, higher stays longer; ties: the later
 * goes first). `fitting` is the arithmetic (pure); `attachOverflow` measures with a ResizeObserver
 * and moves the elements (their listeners go with them), keeping their order in both places.
 */

/**
 * Which items stay in the row of `available` pixels: all when they fit without the menu button,
 * else the most important ones that fit beside it.
 */
export function fitting(widths: readonly number[], priorities: readonly number[], gap: number, available: number, moreWidth: number): boolean[] {
  const width = (kept: boolean[], withMore: boolean): number => {
    const shown = widths.filter((_, index) => kept[index]);
    const count = shown.length + (withMore ? 1 : 0);
    return shown.reduce((sum, each) => sum + each, 0) + (withMore ? moreWidth : 0) + gap * Math.max(0, count - 1);
  };
  const kept = widths.map(() => true);
  if (width(kept, false) <= available) return kept;
  // The order in which items leave the row: lowest priority first, the later of equals first.
  const leaving = widths.map((_, index) => index).sort((a, b) => (priorities[a] ?? 0) - (priorities[b] ?? 0) || b - a);
  for (const index of leaving) {
    if (width(kept, true) <= available) break;
    kept[index] = false;
  }
  return kept;
}

export interface Overflow {
  /** Measures again (after a control changed its width). */
  update(): void;
}

/**
 * `toolbar` holds the items and, last, `more` (a <details> whose `menu` takes the items that do not
 * fit). Picking a button in the menu, Escape or a click elsewhere closes it.
 */
export function attachOverflow(toolbar: HTMLElement, more: HTMLDetailsElement, menu: HTMLElement): Overflow {
  const items = Array.from(toolbar.children).filter((child): child is HTMLElement => child !== more && child instanceof HTMLElement);
  const update = (): void => {
    for (const item of items) toolbar.insertBefore(item, more);
    more.hidden = false;
    const gap = parseFloat(getComputedStyle(toolbar).columnGap) || 0;
    const moreWidth = more.getBoundingClientRect().width;
    const shown = items.filter((item) => !item.hidden);
    const kept = fitting(
      shown.map((item) => item.getBoundingClientRect().width),
      shown.map((item) => Number(item.dataset.priority ?? 0)),
      gap,
      toolbar.clientWidth,
      moreWidth,
    );
    const moved = shown.filter((_, index) => !kept[index]);
    for (const item of moved) menu.append(item);
    more.hidden = moved.length === 0;
    if (more.hidden) more.open = false;
    toolbar.dataset.overflow = String(moved.length);
  };
  new ResizeObserver(() => update()).observe(toolbar);
  menu.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('button')) more.open = false;
  });
  more.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !more.open) return;
    more.open = false;
    more.querySelector('summary')?.focus();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!more.contains(event.target as Node)) more.open = false;
  });
  update();
  return { update };
}
