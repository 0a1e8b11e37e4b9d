/**
 * The store: the history of view states (undo and redo) and who listens for a change. Holds no
 * Cytoscape and draws nothing; the explorer draws each state it is given.
 */
import { amend, emptyView, record, redo, startHistory, undo, type History, type ViewState } from '../state';

export type Listener = (state: ViewState, history: History) => void;

export class ViewStore {
  private past: History = startHistory(emptyView());
  private readonly listeners: Listener[] = [];
  /** Counts the steps taken (a new step, an undo, a redo): the address bar gives each its own entry in the browser's history. */
  private steps = 0;

  get state(): ViewState {
    return this.past.present;
  }

  get history(): History {
    return this.past;
  }

  /** The number of the step shown now: it changes with each new step, undo and redo, never with an amend, a rewrite or a reset. */
  get step(): number {
    return this.steps;
  }

  /** A new step (or, with `amend`, a follow-up folded into the current one). */
  commit(next: ViewState, how: 'record' | 'amend' = 'record'): void {
    this.move(how === 'record' ? record(this.past, next) : amend(this.past, next), how === 'record');
  }

  undo(): void {
    this.move(undo(this.past), true);
  }

  redo(): void {
    this.move(redo(this.past), true);
  }

  private move(next: History, isStep: boolean): void {
    if (isStep && next !== this.past) this.steps += 1;
    this.past = next;
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
