/** Getting around, without a browser: the camera in the URL, the seeded layout random, drawing a layout together, what the paths panel asks for. */
import { seededRandom, withSeededRandom } from '../../client/src/graph/seeded-random';
import { queryWords, typesSummary, typesToSend } from '../../client/src/paths/query';
import { decodeView, drawTogether, encodeView } from '../../client/src/state';

const view = {
  ids: ['4:ab:1', '4:ab:2'],
  positions: { '4:ab:1': { x: 1, y: 2 }, '4:ab:2': { x: 3, y: 4 } },
  pinned: [],
  hidden: [],
  filters: { hiddenLabels: [], hiddenTypes: [], years: null, keepUndated: true, hideOrphans: false },
  layout: 'fcose' as const,
};

test('the camera (centre and zoom) survives the URL, rounded; a link without one opens without one', () => {
  expect(decodeView(encodeView({ ...view, camera: { x: 120.4, y: -33.6, zoom: 1.23456 } })).camera).toEqual({ x: 120, y: -34, zoom: 1.235 });
  const old = encodeView(view);
  expect(decodeView(old)).toEqual(view);
  expect(decodeView(old).camera).toBeUndefined();
  // A camera that is not three finite numbers, or a zoom of 0, is left out rather than applied.
  const bad = (c: unknown): string => Buffer.from(JSON.stringify({ v: 1, p: '4:ab:', n: [['1', 1, 2, 0]], l: 'fcose', c })).toString('base64url');
  expect(decodeView(bad([1, 2])).camera).toBeUndefined();
  expect(decodeView(bad([1, 2, 0])).camera).toBeUndefined();
  expect(decodeView(bad(['1', 2, 1])).camera).toBeUndefined();
  expect(decodeView(bad([1, 2, 0.5])).camera).toEqual({ x: 1, y: 2, zoom: 0.5 });
});

test('the layout random: the same seed gives the same numbers in [0, 1), and Math.random is itself again afterwards', () => {
  const a = seededRandom(15);
  const b = seededRandom(15);
  const first = Array.from({ length: 100 }, () => a());
  expect(Array.from({ length: 100 }, () => b())).toEqual(first);
  expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  expect(new Set(first).size).toBe(100);
  const original = Math.random;
  expect(withSeededRandom(15, () => [Math.random(), Math.random()])).toEqual(first.slice(0, 2));
  expect(Math.random).toBe(original);
  expect(() => withSeededRandom(1, () => { throw new Error('layout failed'); })).toThrow('layout failed');
  expect(Math.random).toBe(original);
});

test('drawing a layout together moves every node towards the centre by the factor, except the pinned ones', () => {
  const moved = drawTogether({ a: { x: 100, y: 0 }, b: { x: -100, y: 50 }, pinned: { x: 300, y: 300 } }, { x: 0, y: 0 }, 0.5, new Set(['pinned']));
  expect(moved).toEqual({ a: { x: 50, y: 0 }, b: { x: -50, y: 25 }, pinned: { x: 300, y: 300 } });
});

test('the paths panel sends no types when all are ticked, the ticked ones otherwise, and says which in its result', () => {
  const all = ['COMPETES_WITH', 'OWNS', 'PARTNERS_WITH'];
  expect(typesToSend(all, new Set(all))).toBeNull();
  expect(typesToSend(all, new Set(['PARTNERS_WITH']))).toEqual(['PARTNERS_WITH']);
  expect(typesToSend(all, new Set())).toEqual([]);
  expect(typesSummary(all, new Set(all))).toBe('any type');
  expect(typesSummary(all, new Set(['PARTNERS_WITH']))).toBe('PARTNERS_WITH');
  expect(typesSummary(all, new Set())).toBe('no type');
  expect(typesSummary([...all, 'A', 'B'], new Set(all))).toBe('3 of 5 types');
  expect(queryWords({ types: null, direction: 'both' })).toBe('');
  expect(queryWords({ types: ['PARTNERS_WITH'], direction: 'out' })).toBe(' using only PARTNERS_WITH, following relationships outwards from the first end');
});
