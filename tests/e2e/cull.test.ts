/**
 * Element-by-element redraws leave out what is off the view from each element's box as Cytoscape
 * last gave it (graph/cull.ts), asking again only when that box may have changed: the canvas they
 * draw must be exactly Cytoscape's own, pixel for pixel, right after an element grows, moves or is
 * renamed into the view from outside it (before and after Cytoscape's next frame), and some
 * elements must be left out (else the test tries nothing).
 */
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

test("the cheap cull draws exactly what Cytoscape's own draws after elements grow, move or get a longer name into the view", async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 5);
  await waitForRequests(page);
  await page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    cy.stop();
    cy.zoom({ level: 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  // Draws the view both ways on canvases of their own: the number of differing pixels and of elements in view, per step.
  const compare = (label: string): Promise<{ label: string; differing: number; inView: number; all: number; painted: number }> =>
    page.evaluate((label) => {
      type Draw = (context: CanvasRenderingContext2D, eles: unknown[], pxRatio: number, extent: object) => void;
      const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
      const renderer = (cy as unknown as { renderer(): { drawCachedElements: Draw; getCachedZSortedEles(): Array<{ boundingBox(): { x1: number; x2: number; y1: number; y2: number } }> } }).renderer();
      const theirs = (Object.getPrototypeOf(renderer) as { drawCachedElements: Draw }).drawCachedElements;
      const eles = renderer.getCachedZSortedEles();
      const extent = cy.extent();
      const drawn = (draw: Draw): Uint8ClampedArray => {
        const canvas = document.createElement('canvas');
        canvas.width = cy.width();
        canvas.height = cy.height();
        const context2d = canvas.getContext('2d')!;
        const pan = cy.pan();
        context2d.translate(pan.x, pan.y);
        context2d.scale(cy.zoom(), cy.zoom());
        draw.call(renderer, context2d, eles, 1, extent);
        return context2d.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const ours = drawn(renderer.drawCachedElements);
      const reference = drawn(theirs);
      let differing = 0;
      let painted = 0;
      for (let i = 3; i < ours.length; i += 4) {
        if (ours[i - 3] !== reference[i - 3] || ours[i - 2] !== reference[i - 2] || ours[i - 1] !== reference[i - 1] || ours[i] !== reference[i]) differing += 1;
        if (reference[i] !== 0) painted += 1;
      }
      const inView = eles.filter((ele) => {
        const box = ele.boundingBox();
        return box.x1 <= extent.x2 && box.x2 >= extent.x1 && box.y1 <= extent.y2 && box.y2 >= extent.y1;
      }).length;
      return { label, differing, inView, all: eles.length, painted };
    }, label);
  const frames = (): Promise<void> => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const results = [await compare('zoom 2')];
  // Three nodes just off the right edge of the view, each brought into it a different way.
  const ids = await page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    const extent = cy.extent();
    const nodes = cy.nodes().slice(0, 3);
    nodes.forEach((node, i) => {
      node.position({ x: extent.x2 + 150, y: extent.y1 + 60 + i * 90 });
    });
    return nodes.map((node) => node.id());
  });
  await frames();
  results.push(await compare('three nodes off the view'));
  // Grown (a styling rule's size), without a frame between.
  await page.evaluate((id) => {
    (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.getElementById(id).data('size', 400);
  }, ids[0]!);
  results.push(await compare('a node grown into the view'));
  await frames();
  results.push(await compare('a node grown into the view, after a frame'));
  await page.evaluate((id) => {
    const node = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.getElementById(id);
    node.position({ x: node.position('x') - 200, y: node.position('y') });
  }, ids[1]!);
  results.push(await compare('a node moved into the view'));
  await frames();
  results.push(await compare('a node moved into the view, after a frame'));
  // Its label centred under it, wide enough to reach into the view.
  await page.evaluate((id) => {
    (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.getElementById(id).style({ 'text-max-width': '400px' }).data('name', 'A name long enough to reach well into the view from outside it, and longer than that still');
  }, ids[2]!);
  results.push(await compare('a node renamed into the view'));
  await frames();
  results.push(await compare('a node renamed into the view, after a frame'));
  for (const result of results) {
    expect(result).toEqual(expect.objectContaining({ label: result.label, differing: 0 }));
    expect(result.painted).toBeGreaterThan(1000);
  }
  // The cull had something to leave out: elements off the view at every step.
  expect(Math.max(...results.map((result) => result.all - result.inView))).toBeGreaterThan(5);
  expect(results.every((result) => result.inView < result.all)).toBe(true);
  // Each node reached the view.
  expect(results[2]!.inView).toBeGreaterThan(results[1]!.inView);
  expect(results[4]!.inView).toBeGreaterThan(results[3]!.inView);
  expect(results[6]!.inView).toBeGreaterThan(results[5]!.inView);
  const installed = await page.evaluate(() => Object.prototype.hasOwnProperty.call(((window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy as unknown as { renderer(): object }).renderer(), 'drawCachedElements'));
  expect(installed).toBe(true);
  expect(errors).toEqual([]);
});
