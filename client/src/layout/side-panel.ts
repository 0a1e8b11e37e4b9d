/**
 * The side panel (paths, inspector) folds to a narrow strip at the window's edge and opens again
 * from its button; the choice is remembered in this browser. The canvas takes the room (it follows
 * its box), and so do the toasts (they sit left of the panel's width).
 */
import { readFold, writeFold } from './folds';

const FOLD_KEY = 'fingraph.sidePanel.folded';

export interface SidePanel {
  /** Opens the panel when it is folded (Enter on a node, "Inspect": the inspector is wanted). */
  open(): void;
  readonly folded: boolean;
}

export function attachSidePanel(panel: HTMLElement, body: HTMLElement, toggle: HTMLButtonElement): SidePanel {
  let folded = readFold(FOLD_KEY);
  const apply = (): void => {
    body.hidden = folded;
    panel.classList.toggle('folded', folded);
    document.body.classList.toggle('side-panel-folded', folded);
    toggle.setAttribute('aria-expanded', String(!folded));
    toggle.setAttribute('aria-label', folded ? 'Show the side panel (paths and inspector)' : 'Hide the side panel');
    toggle.title = folded ? 'Show the side panel (paths and inspector)' : 'Hide the side panel: the canvas takes its room';
    toggle.textContent = folded ? '‹' : '›';
  };
  const set = (next: boolean): void => {
    folded = next;
    writeFold(FOLD_KEY, folded);
    apply();
  };
  toggle.addEventListener('click', () => set(!folded));
  apply();
  return {
    open: () => {
      if (folded) set(false);
    },
    get folded() {
      return folded;
    },
  };
}
