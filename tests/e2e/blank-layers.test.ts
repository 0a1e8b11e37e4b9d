/**
 * Blank canvas layers are kept out of the compositor (graph/blank-layers.ts): Chromium copies every
 * visible canvas at every frame, drawn on or not, so Cytoscape's drag and box-selection layers are
 * hidden while blank, and shown while they hold something (a box being drawn), in the same frame.
 * The hover layer draws on its elements' canvas only: its other two stay hidden while it shows.
 */
import type { Page } from 'playwright-core';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

/** The visibility of each canvas of the main canvas (`main`) or of the hover layer (`hover`), by layer. */
async function layers(page: Page, which: 'main' | 'hover'): Promise<Record<string, string>> {
  return page.evaluate((which) => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core; hover: { overlay: import('cytoscape').Core } } }).fingraph;
    const container = (which === 'main' ? cy.cy : cy.hover.overlay).container()!;
    return Object.fromEntries(Array.from(container.querySelectorAll<HTMLCanvasElement>(':scope > div > canvas')).map((canvas) => [canvas.dataset.id!, getComputedStyle(canvas).visibility]));
  }, which);
}

/** A point of the canvas (page pixels) with nothing under it, where a Shift+drag draws a selection box. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    const renderer = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactiveOnly: boolean, touch: boolean): unknown } }).renderer();
    const rect = cy.container()!.getBoundingClientRect();
    const pan = cy.pan();
    const zoom = cy.zoom();
    for (let y = 40; y < cy.height() - 160; y += 17) {
      for (let x = 40; x < cy.width() - 160; x += 17) {
        const clear = [0, 60, 120].every((d) => !renderer.findNearestElement((x + d - pan.x) / zoom, (y + d - pan.y) / zoom, true, false));
        if (clear) return { x: rect.left + x, y: rect.top + y };
      }
    }
    throw new Error('No empty spot on the canvas');
  });
}

const nextFrames = (page: Page): Promise<unknown> => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');

test('the drag and selection layers are hidden while blank and the selection layer shows while a box is drawn', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 5);
  await waitForRequests(page);
  await nextFrames(page);
  expect(await layers(page, 'main')).toEqual({ 'layer0-selectbox': 'hidden', 'layer1-drag': 'hidden', 'layer2-node': 'visible' });

  const from = await emptySpot(page);
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 60, { steps: 4 });
  await page.mouse.move(from.x + 120, from.y + 120, { steps: 4 });
  await page.waitForFunction(() => {
    const canvas = window.fingraph.cy.container().querySelector<HTMLCanvasElement>('[data-id="layer0-selectbox"]')!;
    return getComputedStyle(canvas).visibility === 'visible';
  });
  // The box is drawn on it: its middle has pixels.
  const painted = await page.evaluate((at) => {
    const canvas = window.fingraph.cy.container().querySelector<HTMLCanvasElement>('[data-id="layer0-selectbox"]')!;
    const rect = canvas.getBoundingClientRect();
    const ratio = canvas.width / rect.width;
    return canvas.getContext('2d')!.getImageData((at.x - rect.left) * ratio, (at.y - rect.top) * ratio, 1, 1).data[3]!;
  }, { x: from.x + 60, y: from.y + 60 });
  expect(painted).toBeGreaterThan(0);
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForFunction(() => {
    const canvas = window.fingraph.cy.container().querySelector<HTMLCanvasElement>('[data-id="layer0-selectbox"]')!;
    return getComputedStyle(canvas).visibility === 'hidden';
  });
  expect(await layers(page, 'main')).toEqual({ 'layer0-selectbox': 'hidden', 'layer1-drag': 'hidden', 'layer2-node': 'visible' });
  expect(errors).toEqual([]);
});

test('while a node is hovered, the hover layer shows its elements canvas only', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 5);
  await waitForRequests(page);
  const at = await page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    cy.stop();
    const rect = cy.container()!.getBoundingClientRect();
    const node = cy.nodes().filter((each) => each.degree(false) > 0)[0]!;
    const position = node.renderedPosition();
    return { x: rect.left + position.x, y: rect.top + position.y };
  });
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await page.waitForFunction(() => (window as unknown as { fingraph: { hover: { lit(): string[] } } }).fingraph.hover.lit().length > 1);
  await nextFrames(page);
  expect(await layers(page, 'hover')).toEqual({ 'layer0-selectbox': 'hidden', 'layer1-drag': 'hidden', 'layer2-node': 'visible' });
  expect(errors).toEqual([]);
});
