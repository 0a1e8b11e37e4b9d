/**
 * The canvas finds what is under the pointer among the elements near it (graph/hit-index.ts), not by
 * checking every element on every mouse move; it must find exactly what Cytoscape's own test finds,
 * for the mouse and for touch, zoomed out, at zoom 1 and zoomed in, after a node has moved.
 */
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

test('the indexed hit test finds the same node or relationship as Cytoscape at every point of the canvas', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 5);
  await waitForRequests(page);
  const result = await page.evaluate(() => {
    type Find = (x: number, y: number, interactiveOnly: boolean, isTouch: boolean) => Array<{ id(): string }>;
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    cy.stop();
    const renderer = (cy as unknown as { renderer(): { findNearestElements: Find } }).renderer();
    const indexed = Object.prototype.hasOwnProperty.call(renderer, 'findNearestElements');
    const cytoscapes = (Object.getPrototypeOf(renderer) as { findNearestElements: Find }).findNearestElements;
    const mismatches: string[] = [];
    let hits = 0;
    let points = 0;
    // Every 10 px, from an offset of its own for each view: the four views together try points 2.5 px apart.
    let offset = 0;
    const compare = (label: string): void => {
      const pan = cy.pan();
      const zoom = cy.zoom();
      const from = offset;
      offset += 2.5;
      for (let y = from; y < cy.height(); y += 10) {
        for (let x = from; x < cy.width(); x += 10) {
          const at = { x: (x - pan.x) / zoom, y: (y - pan.y) / zoom };
          for (const touch of [false, true]) {
            const ours = renderer.findNearestElements(at.x, at.y, true, touch).map((element) => element.id()).join(' ');
            const theirs = cytoscapes.call(renderer, at.x, at.y, true, touch).map((element) => element.id()).join(' ');
            points += 1;
            if (theirs !== '') hits += 1;
            if (ours !== theirs && mismatches.length < 10) mismatches.push(`${label} at (${x}, ${y})${touch ? ' touch' : ''}: ${ours || 'nothing'} instead of ${theirs || 'nothing'}`);
          }
        }
      }
    };
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.fit(undefined, 30);
    compare('fitted');
    cy.zoom({ level: 1, renderedPosition: centre });
    compare('zoom 1');
    const node = cy.nodes()[0]!;
    node.position({ x: node.position('x') + 37, y: node.position('y') - 23 });
    cy.center(node);
    compare('zoom 1, a node moved');
    cy.zoom({ level: 2.5, renderedPosition: centre });
    compare('zoom 2.5');
    return { indexed, mismatches, hits, points };
  });
  expect(result.indexed).toBe(true);
  expect(result.hits).toBeGreaterThan(200);
  expect(result.mismatches).toEqual([]);
  expect(errors).toEqual([]);
});

test('the index is built in idle time once the canvas is drawn, before the first mouse move (which built it, a long task), and again after a node moves', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 5);
  await waitForRequests(page);
  const built = (): Promise<boolean> => page.evaluate(() => (window as unknown as { fingraph: { hitIndexBuilt(): boolean } }).fingraph.hitIndexBuilt());
  await page.waitForFunction(() => (window as unknown as { fingraph: { hitIndexBuilt(): boolean } }).fingraph.hitIndexBuilt());
  const moved = await page.evaluate(() => {
    const { cy, hitIndexBuilt } = (window as unknown as { fingraph: { cy: import('cytoscape').Core; hitIndexBuilt(): boolean } }).fingraph;
    cy.stop();
    const node = cy.nodes()[0]!;
    node.position({ x: node.position('x') + 15, y: node.position('y') });
    return hitIndexBuilt();
  });
  // A node moved: the index is stale until the page is idle again.
  expect(moved).toBe(false);
  await page.waitForFunction(() => (window as unknown as { fingraph: { hitIndexBuilt(): boolean } }).fingraph.hitIndexBuilt());
  expect(await built()).toBe(true);
  expect(errors).toEqual([]);
});
