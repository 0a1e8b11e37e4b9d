/**
 * The overview (the minimap, bottom right of the canvas) folds to its header line: from its button
 * (the user's choice, remembered in this browser), or by itself on a crowded canvas while the user
 * has chosen nothing (see auto-fold.ts).
 */
import { anchorIn, type Anchor, type Foldable } from './auto-fold';
import { readFoldChoice, writeFold } from './folds';

const FOLD_KEY = 'fingraph.overview.folded';

export function attachOverviewFold(overview: HTMLElement, minimap: HTMLElement, button: HTMLButtonElement): Foldable {
  let choice = readFoldChoice(FOLD_KEY);
  let openSize: { w: number; h: number } | null = null;
  let anchor: Anchor | null = null;
  const measure = (): void => {
    openSize = { w: overview.offsetWidth, h: overview.offsetHeight };
    anchor = anchorIn(overview) ?? anchor;
  };
  let changed: (() => void) | null = null;
  const show = (folded: boolean): void => {
    if (minimap.hidden === folded && button.getAttribute('aria-expanded') === String(!folded)) return;
    minimap.hidden = folded;
    button.setAttribute('aria-expanded', String(!folded));
    button.textContent = folded ? '▸ Overview' : '▾ Overview';
    if (!folded) measure();
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
    openSize: () => {
      if (!minimap.hidden) measure();
      return openSize;
    },
    openAnchor: () => {
      if (!minimap.hidden) measure();
      return anchor;
    },
    fold: show,
    watch: (listener) => {
      changed = listener;
    },
  };
}
