/** Undo and redo over whole view states (pure). Each canvas change is one step. */
import type { ViewState } from './model';

export interface History {
  past: readonly ViewState[];
  present: ViewState;
  future: readonly ViewState[];
}

export const HISTORY_LIMIT = 200;

export function startHistory(present: ViewState): History {
  return { past: [], present, future: [] };
}

/** A new step; a change that changes nothing adds no step. */
export function record(history: History, next: ViewState): History {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

/** Folds a follow-up into the current step (relationships fetched after an expansion, a layout's positions). */
export function amend(history: History, next: ViewState): History {
  return next === history.present ? history : { ...history, present: next };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}
