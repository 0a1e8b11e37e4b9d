/**
 * The store: the history of view states (undo and redo) and who listens for a change. Holds no
 * Cytoscape and draws nothing; the explorer draws each state it is given.
 */
import { amend, emptyView, record, redo, startHistory, undo, type History, type ViewState } from '../state';

export type Listener = (state: ViewState, history: History) => void;

export class ViewStore {
  private past: History = startHistory(emptyView());
  private readonly listeners: Listener[] = [];

  get state(): ViewState {
    return this.past.present;
  }

  get history(): History {
    return this.past;
  }

  /** A new step (or, with `amend`, a follow-up folded into the current one). */
  commit(next: ViewState, how: 'record' | 'amend' = 'record'): void {
    this.past = how === 'record' ? record(this.past, next) : amend(this.past, next);
  }

  undo(): void {
    this.past = undo(this.past);
  }

  redo(): void {
    this.past = redo(this.past);
  }

  /** Rewrites every state of the history (what a write to the database made outdated), without a new step or telling anyone. */
  rewriteAll(rewrite: (state: ViewState) => ViewState): void {
    this.past = { past: this.past.past.map(rewrite), present: rewrite(this.past.present), future: this.past.future.map(rewrite) };
  }

  /** Starts a history afresh from `state` (a shared view opened: nothing to undo). */
  reset(state: ViewState): void {
    this.past = startHistory(state);
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners what the state is now. */
  announce(): void {
    for (const listener of this.listeners) listener(this.past.present, this.past);
  }
}
