/** The built UI, served by the API as `npm start` serves it, opened in Debian's Chromium. */
import fs from 'node:fs';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';

const context = useBrowserApp();

test('the page opens on the graph canvas with the seed graph drawn, the status connected, and no console error', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  // (The node layer: Cytoscape's drag and selection-box layers are hidden while blank.)
  await page.waitForSelector('[data-testid="graph-canvas"] canvas[data-id="layer2-node"]');
  await page.waitForFunction(() => {
    const cy = (window as unknown as { fingraph?: { cy: { nodes(): { length: number } } } }).fingraph?.cy;
    return cy !== undefined && cy.nodes().length > 0;
  });
  const names = await page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: { nodes(): { map(f: (n: { data(k: string): string }) => string): string[] } } } }).fingraph.cy;
    return cy.nodes().map((node) => node.data('name'));
  });
  expect(names).toEqual(expect.arrayContaining(['Tencent Holdings Ltd', 'Huaxia Bank Co Ltd', 'Xiaomi']));
  await page.waitForSelector('#status[data-state="ok"]');
  expect(await page.textContent('#status')).toContain('Neo4j 5.26');
  expect(await page.isHidden('#empty')).toBe(true);
  const file = await screenshot(page, 'start-view');
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  expect(errors).toEqual([]);
});
