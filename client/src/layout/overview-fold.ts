/**
 * The overview (the minimap, bottom right of the canvas) folds to its header line: from its button
 * (the user's choice, remembered in this browser), or by itself on a crowded canvas while the user
 * has chosen nothing (see auto-fold.ts). A Panel, as every panel is.
 */
import { autoFoldable, type Foldable } from './auto-fold';
import { Panel } from './panel';

const FOLD_KEY = 'fingraph.overview.folded';

export function attachOverviewFold(overview: HTMLElement, minimap: HTMLElement, button: HTMLButtonElement): Foldable {
  const label = (open: boolean): void => {
    button.textContent = open ? '▾ Overview' : '▸ Overview';
  };
  const panel = new Panel(minimap, { opener: button, remember: FOLD_KEY, focus: false, toggled: label });
  label(panel.isOpen);
  return autoFoldable(panel, overview);
}
