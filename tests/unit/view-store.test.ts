/**
 * The store's step number (client/src/explorer/store.ts), which the address bar gives a history
 * entry of its own: a new step, an undo and a redo change it; what is not a step does not.
 */
import { ViewStore } from '../../client/src/explorer/store';
import { setLayout } from '../../client/src/state';

describe('ViewStore step', () => {
  test('a new step, an undo and a redo each change the step number', () => {
    const store = new ViewStore();
    const steps = [store.step];
    store.commit(setLayout(store.state, 'grid'));
    steps.push(store.step);
    store.undo();
    steps.push(store.step);
    store.redo();
    steps.push(store.step);
    expect(new Set(steps).size).toBe(4);
  });

  test('an amend, a change that changes nothing, an undo or redo with nothing to move, a rewrite and a reset keep the step number', () => {
    const store = new ViewStore();
    const start = store.step;
    store.undo();
    store.redo();
    store.commit(store.state);
    store.commit(setLayout(store.state, 'grid'), 'amend');
    store.rewriteAll((state) => setLayout(state, 'concentric'));
    store.reset(setLayout(store.state, 'breadthfirst'));
    expect(store.step).toBe(start);
    expect(store.state.layout).toBe('breadthfirst');
  });
});
