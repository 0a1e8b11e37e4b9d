/**
 * The side panel (paths, inspector) folds to a narrow strip at the window's edge and opens again
 * from its button; the choice is remembered in this browser. The canvas takes the room (it follows
 * its box), and so do the toasts (they sit left of the panel's width). Its button stays where the
 * user is: opening it leaves the focus there.
 */
import { Panel } from './panel';

const FOLD_KEY = 'fingraph.sidePanel.folded';

export function attachSidePanel(panel: HTMLElement, body: HTMLElement, toggle: HTMLButtonElement): Panel {
  return new Panel(body, {
    opener: toggle,
    remember: FOLD_KEY,
    focus: false,
    show: (open) => {
      body.hidden = !open;
      panel.classList.toggle('folded', !open);
      document.body.classList.toggle('side-panel-folded', !open);
      toggle.setAttribute('aria-label', open ? 'Hide the side panel' : 'Show the side panel (paths and inspector)');
      toggle.title = open ? 'Hide the side panel: the canvas takes its room' : 'Show the side panel (paths and inspector)';
      toggle.textContent = open ? '›' : '‹';
    },
  });
}
