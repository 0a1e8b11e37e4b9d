/**
 * What the canvas says about itself: the counts (`8 of 30 nodes · 4 of 32 relationships`), "Show N
 * hidden" and "Hide N unconnected" beside them, and the message of an empty canvas with its button
 * to the start view. `update` follows each new state.
 */
import type { Explorer } from '../explorer';
import { showAllHidden, tally, type ViewState } from '../state';
import { byId } from '../ui/dom';
import { countsText } from './counts';

export interface StageStatus {
  update(state: ViewState): void;
}

export function attachStageStatus(explorer: Explorer, startView: () => void): StageStatus {
  const showHidden = byId<HTMLButtonElement>('show-hidden');
  const hideUnconnected = byId<HTMLButtonElement>('hide-unconnected');
  const counts = byId('counts');
  const empty = byId('empty');
  showHidden.addEventListener('click', () => explorer.change(showAllHidden(explorer.state)));
  hideUnconnected.addEventListener('click', () => explorer.hideUnconnected());
  byId('empty-start').addEventListener('click', () => startView());
  return {
    update(state) {
      const tallied = tally(state);
      showHidden.hidden = tallied.hidden === 0;
      showHidden.textContent = `Show ${tallied.hidden} hidden`;
      // (Not when nothing is joined: it would offer to hide every node.)
      hideUnconnected.hidden = tallied.unconnected === 0 || tallied.relationships.visible === 0;
      hideUnconnected.textContent = `Hide ${tallied.unconnected} unconnected`;
      empty.hidden = tallied.nodes.total > 0;
      counts.textContent = countsText(tallied);
    },
  };
}
