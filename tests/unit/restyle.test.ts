/**
 * Restyling across frames (client/src/graph/restyle.ts), on a headless Cytoscape whose animation
 * frames this test runs one at a time: few changes apply at once; many apply a slice per task
 * between frames, each slice bounded in time, those in view first, until every one has; a new
 * render step's changes replace what was still to apply.
 */
import cytoscape, { type Core } from 'cytoscape';
import { restyle, restyled, AT_ONCE, IN_VIEW_SLICE, SLICE_MS, type DataPatch } from '../../client/src/graph/restyle';

let queued = new Map<number, FrameRequestCallback>();
let handles = 0;
beforeAll(() => {
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback): number => {
    handles += 1;
    queued.set(handles, callback);
    return handles;
  };
  globalThis.cancelAnimationFrame = (handle: number): void => {
    queued.delete(handle);
  };
});

/** Lets the tasks queued so far run (a slice is one). */
const tasks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Lets the tasks queued so far run, then runs the callbacks asked for (one animation frame) and the tasks they queued; how many callbacks ran. */
async function frame(): Promise<number> {
  await tasks();
  const now = [...queued.values()];
  queued = new Map();
  for (const callback of now) callback(performance.now());
  await tasks();
  return now.length;
}


const canvases: Core[] = [];
afterEach(() => {
  for (const cy of canvases.splice(0)) cy.destroy();
  queued.clear();
});

/** n nodes in a row `gap` apart; the view shows x from -50 to 1,000. */
function row(n: number, gap = 100): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  canvases.push(cy);
  cy.add(Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}`, size: 28 }, position: { x: i * gap, y: 0 } })));
  const extent = { x1: -50, y1: -50, x2: 1000, y2: 500, w: 1050, h: 550 };
  // Headless Cytoscape has no view: the part of the graph it shows is set here.
  (cy as unknown as { extent(): typeof extent }).extent = () => extent;
  return cy;
}

const sizes = (cy: Core, size: number): DataPatch[] => cy.nodes().map((node) => ({ element: node, set: { size }, unset: [] }));
const sized = (cy: Core, size: number): number[] => cy.nodes(`[size = ${size}]`).nodes().map((node) => node.position('x'));

test('up to AT_ONCE changes apply at once', async () => {
  const cy = row(AT_ONCE);
  restyle(cy, sizes(cy, 40));
  expect(sized(cy, 40)).toHaveLength(AT_ONCE);
  await restyled(cy);
});

test('more apply a slice per task between frames, each within SLICE_MS, the nodes in view in the first, until every node has its change', async () => {
  const cy = row(2000);
  restyle(cy, sizes(cy, 40));
  expect(sized(cy, 40)).toHaveLength(0);
  await tasks();
  const first = sized(cy, 40);
  expect(first.length).toBeGreaterThan(0);
  expect(first.length).toBeLessThan(2000);
  // In view: x up to 1,000, and a margin of 100 (12 nodes), applied before any other.
  const inView = cy.nodes().nodes().filter((node) => node.position('x') <= 1100).length;
  expect(inView).toBe(12);
  expect(first.filter((x) => x <= 1100)).toHaveLength(Math.min(inView, first.length));
  // No next slice before a frame has drawn this one.
  await tasks();
  expect(sized(cy, 40)).toHaveLength(first.length);
  let count = 1;
  while ((await frame()) > 0) count += 1;
  expect(count).toBeGreaterThan(2);
  expect(sized(cy, 40)).toHaveLength(2000);
  await restyled(cy);
});

test('a slice stops once it has taken SLICE_MS (half a frame), with the rest left to the next', async () => {
  const cy = row(2000);
  // A clock that moves SLICE_MS / 4 at each reading: it reads once as a slice starts and once after each chunk.
  let clock = 0;
  const now = jest.spyOn(performance, 'now').mockImplementation(() => (clock += SLICE_MS / 4));
  try {
    restyle(cy, sizes(cy, 40));
    await tasks();
  } finally {
    now.mockRestore();
  }
  // Four chunks (the start, then three readings under the limit and the fourth at it): the 12 in
  // view (a chunk of 8, one of 4), then two of 8.
  expect(sized(cy, 40).length).toBe(12 + 2 * 8);
  restyle(cy, []);
});

test('a slice changes at most IN_VIEW_SLICE elements in view (the next frame redraws their textures), and those first', async () => {
  // 10 apart: 111 nodes in view.
  const cy = row(2000, 10);
  // A clock that moves 1 ms at each reading: time for 8 chunks, more than the elements in view allowed.
  let clock = 0;
  const now = jest.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
  try {
    restyle(cy, sizes(cy, 40));
    await tasks();
  } finally {
    now.mockRestore();
  }
  const first = sized(cy, 40);
  expect(first).toHaveLength(IN_VIEW_SLICE);
  expect(first.every((x) => x <= 1100)).toBe(true);
  while ((await frame()) > 0);
  expect(sized(cy, 40)).toHaveLength(2000);
  await restyled(cy);
});

test("a new render step's changes replace what was still to apply; a key can be removed", async () => {
  const cy = row(2000);
  restyle(cy, sizes(cy, 40));
  await tasks();
  expect(sized(cy, 40).length).toBeGreaterThan(0);
  let done = false;
  void restyled(cy).then(() => {
    done = true;
  });
  // The next step: no size at all (a rule switched off), listed from the canvas as it is.
  restyle(cy, cy.nodes().map((node) => ({ element: node, set: {}, unset: ['size'] })));
  while ((await frame()) > 0);
  expect(cy.nodes('[size]')).toHaveLength(0);
  // Whoever waited for the first step is told once the second is done.
  await Promise.resolve();
  expect(done).toBe(true);
});
