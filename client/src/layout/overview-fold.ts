/**
 * The overview (the minimap, bottom right of the canvas) folds to its header line: from its button
 * (the user's choice, remembered in this browser), or by itself on a crowded canvas while the user
 * has chosen nothing (see auto-fold.ts).
 */
import type { Foldable } from './auto-fold';
import { readFoldChoice, writeFold } from './folds';

const FOLD_KEY = 'fingraph.overview.folded';

export function attachOverviewFold(overview: HTMLElement, minimap: HTMLElement, button: HTMLButtonElement): Foldable {
  let choice = readFoldChoice(FOLD_KEY);
  let openSize: { w: number; h: number } | null = null;
  let changed: (() => void) | null = null;
  const show = (folded: boolean): void => {
    if (minimap.hidden === folded && button.getAttribute('aria-expanded') === String(!folded)) return;
    minimap.hidden = folded;
    button.setAttribute('aria-expanded', String(!folded));
    button.textContent = folded ? '▸ Overview' : '▾ Overview';
    if (!folded) openSize = { w: overview.offsetWidth, h: overview.offsetHeight };
  };
  show(choice ?? false);
  button.addEventListener('click', () => {
    choice = !minimap.hidden;
    writeFold(FOLD_KEY, choice);
    show(choice);
    changed?.();
  });
  return {
    choice: () => choice,
    openSize: () => (minimap.hidden ? openSize : { w: overview.offsetWidth, h: overview.offsetHeight }),
    fold: show,
    watch: (listener) => {
      changed = listener;
    },
  };
}
