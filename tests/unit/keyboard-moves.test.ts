/** Where the keyboard's focus goes on the canvas (client/src/keyboard/moves.ts): arrows and Tab, without a browser. */
import { nearestInDirection, readingOrder, tabTarget, type Spot } from '../../client/src/keyboard/moves';

const at = (id: string, x: number, y: number): Spot => ({ id, x, y });

describe('nearestInDirection', () => {
  const hub = at('hub', 0, 0);
  const nodes = [hub, at('near', 100, 0), at('neighbour', 300, 10), at('below', 0, 150), at('diagonal', 200, 180)];

  test('a graph neighbour in the arrow\'s cone wins over a nearer node that is not one', () => {
    expect(nearestInDirection(hub, nodes, new Set(['neighbour']), 'right')).toBe('neighbour');
  });

  test('with no neighbour in the cone, the nearest node in it, even when a neighbour lies ahead outside it', () => {
    expect(nearestInDirection(hub, nodes, new Set(['neighbour']), 'down')).toBe('below');
  });

  test('without neighbours, the nearest straight ahead: being off the line counts twice', () => {
    expect(nearestInDirection(at('from', 0, 0), [at('ahead', 200, 0), at('aside', 120, 70)], new Set(), 'right')).toBe('ahead');
  });

  test('outside the cone but ahead when nothing is in it; none when nothing is ahead at all', () => {
    expect(nearestInDirection(hub, [hub, at('far-side', 50, -300)], new Set(), 'right')).toBe('far-side');
    expect(nearestInDirection(hub, nodes, new Set(), 'up')).toBeNull();
    expect(nearestInDirection(hub, nodes, new Set(), 'left')).toBeNull();
  });
});

describe('readingOrder and tabTarget', () => {
  test('rows from the top, each from the left; a node a little lower is on the same row', () => {
    expect(readingOrder([at('k', 0, 150), at('n', 300, 10), at('m', 100, 0), at('h', 0, 0), at('l', -100, 170)], 30)).toEqual(['h', 'm', 'n', 'l', 'k']);
  });

  test('Tab goes to the next, Shift+Tab to the previous, null past either end; from none, the first or the last', () => {
    const order = ['a', 'b', 'c'];
    expect(tabTarget(order, null, false)).toBe('a');
    expect(tabTarget(order, null, true)).toBe('c');
    expect(tabTarget(order, 'b', false)).toBe('c');
    expect(tabTarget(order, 'c', false)).toBeNull();
    expect(tabTarget(order, 'a', true)).toBeNull();
    expect(tabTarget(order, 'gone', false)).toBe('a');
    expect(tabTarget([], null, false)).toBeNull();
  });
});
