/**
 * Picking a node from search, in Chromium on the seed data: the keys then act on the canvas (a
 * regression of issue 15: E after a pick was typed into the search box). And a node the canvas has
 * but does not show.
 * Regression (issue 15): a hidden node, or one whose label was filtered out in the legend, was
 * "focused" on an empty spot; now it is shown again (one undo step) and a message says why.
 */
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { emptyCanvas, searchAndPick, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

/** Whether the node of that name is drawn (run in the page, with the name as its argument). */
const shown = (name: string): boolean =>
  window.fingraph.cy
    .nodes()
    .map((node) => ({ name: node.data('name'), visible: node.visible() }))
    .some((node) => node.name === name && node.visible);

test('a node hidden with H, picked from search, shows again and is selected; undo hides it again', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await page.keyboard.press('h');
  await page.waitForFunction((name) => !window.fingraph.cy.nodes().map((node) => node.data('name') === name && node.visible()).includes(true), 'Tencent Holdings Ltd');
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await page.waitForFunction(shown, 'Tencent Holdings Ltd');
  await page.locator('.toast', { hasText: 'Tencent Holdings Ltd was hidden' }).first().waitFor();
  expect(await page.evaluate(() => window.fingraph.cy.nodes(':selected').map((node) => node.data('name')))).toEqual(['Tencent Holdings Ltd']);
  await page.click('#undo');
  await page.waitForFunction((name) => !window.fingraph.cy.nodes().map((node) => node.data('name') === name && node.visible()).includes(true), 'Tencent Holdings Ltd');
  expect(errors).toEqual([]);
});

test('a bank picked from search while banks are filtered out in the legend shows again, with banks ticked', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.locator('[data-testid="legend-label-Bank"]').uncheck();
  await page.waitForFunction((name) => !window.fingraph.cy.nodes().map((node) => node.data('name') === name && node.visible()).includes(true), 'Huaxia Bank Co Ltd');
  await searchAndPick(page, 'Huaxia', 'Huaxia Bank Co Ltd');
  await page.waitForFunction(shown, 'Huaxia Bank Co Ltd');
  await page.locator('.toast', { hasText: 'Bank was filtered out in the legend' }).first().waitFor();
  expect(await page.isChecked('[data-testid="legend-label-Bank"]')).toBe(true);
  expect(errors).toEqual([]);
});

test('after a search result is picked, the canvas has the keyboard: E expands the node picked', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('graph');
  await page.keyboard.press('e');
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 1);
  expect(await page.inputValue('#search')).toBe('Tencent Holdings Ltd');
  expect(errors).toEqual([]);
});
