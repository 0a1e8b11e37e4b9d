/** The overview (the minimap, bottom right of the canvas) folds to its header line, remembered in this browser. */
import { Panel } from './panel';

const FOLD_KEY = 'fingraph.overview.folded';

export function attachOverviewFold(minimap: HTMLElement, fold: HTMLButtonElement): Panel {
  return new Panel(minimap, {
    opener: fold,
    remember: FOLD_KEY,
    focus: false,
    show: (open) => {
      minimap.hidden = !open;
      fold.textContent = open ? '▾ Overview' : '▸ Overview';
    },
  });
}
