/**
 * Showing only what matters (issue 15), in Chromium on the seed data: "which giants partner with
 * which banks" in two clicks on the legend ("only" on a relationship type, then hiding the nodes
 * left without a visible relationship), "show all" to come back; "show only this node and its
 * neighbours" from the context menu, the inspector and for a selection; "Hide unconnected" in the
 * toolbar; the counter says what is drawn of how many. Regressions: it took 15 checkbox clicks, and
 * the counter counted what was on the canvas, drawn or not.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { clickNode, drawnEdges, drawnNodes, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

// Seen under load on a busy 2-core machine: at the end of the first test the counter said every node
// was drawn while Cytoscape still hid the two Sources (the canvas is now waited for), and in the
// third a right-click on one of two selected nodes opened the menu of another (clicks now go where
// Cytoscape's hit test finds the node). Retried, with the failure logged, in case of another such
// race; a defect that fails every time still fails the run.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

async function open(url = context.app.url): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, url);
  await waitReady(opened.page);
  return opened;
}

async function visibleNames(page: Page): Promise<string[]> {
  return (await drawnNodes(page)).filter((node) => node.visible).map((node) => node.name).sort();
}

async function countsText(page: Page): Promise<string> {
  return (await page.textContent('#counts')) ?? '';
}

/** Waits until the counter reads `text`. */
async function countsRead(page: Page, text: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('counts')?.textContent ?? ''), text.source, { timeout: 15_000 }).catch(async (error: Error) => {
    throw new Error(`The counter reads "${await countsText(page)}", not ${String(text)}: ${error.message}`);
  });
}

/** Fits the whole graph into the view (it was zoomed to a neighbourhood) and waits for the animation to end. */
async function fit(page: Page): Promise<void> {
  await page.click('#fit');
  await page.waitForFunction(() => !(window.fingraph.cy as unknown as { animated(): boolean }).animated());
}

test('"which giants partner with which banks": "only" on PARTNERS_WITH and "hide nodes without a visible relationship" are two clicks; "all" and undo come back', async () => {
  const { page, errors } = await open();
  const nodes = await drawnNodes(page);
  const edges = await drawnEdges(page);
  const partnerships = edges.filter((edge) => edge.type === 'PARTNERS_WITH');
  expect(partnerships.length).toBeGreaterThanOrEqual(3);
  expect(new Set(edges.map((edge) => edge.type)).size).toBeGreaterThan(3);
  const name = (id: string): string => nodes.find((node) => node.id === id)!.name;
  const partners = [...new Set(partnerships.flatMap((edge) => [name(edge.source), name(edge.target)]))].sort();
  expect(partners).toEqual(expect.arrayContaining(['Tencent Holdings Ltd', 'Huaxia Bank Co Ltd', 'Alibaba Group Holding Ltd', 'China Construction Bank Corp']));
  expect(await countsText(page)).toBe(`${nodes.length} nodes · ${edges.length} relationships`);

  // Click one: only partnerships drawn; every node still there.
  await page.click('[data-testid="legend-only-type-PARTNERS_WITH"]');
  await countsRead(page, new RegExp(`^${nodes.length} nodes · ${partnerships.length} of ${edges.length} relationships$`));
  expect((await drawnEdges(page)).filter((edge) => edge.visible).map((edge) => edge.type)).toEqual(partnerships.map(() => 'PARTNERS_WITH'));
  expect(await page.isChecked('[data-testid="legend-type-PARTNERS_WITH"]')).toBe(true);
  expect(await page.isChecked('[data-testid="legend-type-OFFERS"]')).toBe(false);
  // Click two: the orphans go, the partners stay.
  await page.click('[data-testid="legend-hide-orphans"]');
  await countsRead(page, new RegExp(`^${partners.length} of ${nodes.length} nodes · ${partnerships.length} of ${edges.length} relationships$`));
  expect(await visibleNames(page)).toEqual(partners);
  await screenshot(page, 'focus-giants-and-banks');

  // The view in the address bar holds it: the link reopens the same two filters.
  await page.waitForFunction(() => location.hash === `#view=${(window.fingraph as unknown as { explorer: { shareText(): string } }).explorer.shareText()}`);
  const link = await page.evaluate(() => location.href);
  const { page: reopened, errors: reopenedErrors } = await open(link);
  await countsRead(reopened, new RegExp(`^${partners.length} of ${nodes.length} nodes`));
  expect(await visibleNames(reopened)).toEqual(partners);
  expect(reopenedErrors).toEqual([]);
  await reopened.close();

  // Undo takes the orphan option back; redo brings it; "all" brings back every type.
  await page.click('#undo');
  await countsRead(page, new RegExp(`^${nodes.length} nodes · ${partnerships.length} of`));
  await page.click('#redo');
  await countsRead(page, new RegExp(`^${partners.length} of ${nodes.length} nodes`));
  await page.click('[data-testid="legend-all-types"]');
  // (The legend is drawn again after each change: the next click waits for it.)
  await countsRead(page, new RegExp(`· ${edges.length} relationships$`));
  await page.click('[data-testid="legend-hide-orphans"]');
  await countsRead(page, new RegExp(`^${nodes.length} nodes · ${edges.length} relationships$`));
  // (The canvas may be drawn a frame after the counter: wait for it, then compare.)
  await page.waitForFunction((count) => window.fingraph.cy.nodes(':visible').length === count, nodes.length, { timeout: 10_000 }).catch(() => undefined);
  expect(await visibleNames(page)).toEqual(nodes.map((node) => node.name).sort());
  expect(errors).toEqual([]);
});

test('"only" on a label shows that label alone, and "Show all" in the legend comes back', async () => {
  const { page, errors } = await open();
  const nodes = await drawnNodes(page);
  const banks = await page.evaluate(() => window.fingraph.cy.nodes().map((node) => [String(node.data('name')), String(node.data('label'))]));
  const expected = banks.filter(([, label]) => label === 'Bank').map(([name]) => name).sort();
  expect(expected).toContain('Huaxia Bank Co Ltd');
  await page.click('[data-testid="legend-only-label-Bank"]');
  await countsRead(page, new RegExp(`^${expected.length} of ${nodes.length} nodes`));
  expect(await visibleNames(page)).toEqual(expected);
  await page.click('.legend-head button:has-text("Show all")');
  await countsRead(page, new RegExp(`^${nodes.length} nodes ·`));
  expect(errors).toEqual([]);
});

test('"Show only this and its neighbours" from the menu hides every other node; the inspector and a selection do the same; "Show N hidden" comes back', async () => {
  const { page, errors } = await open();
  const nodes = await drawnNodes(page);
  const edges = await drawnEdges(page);
  const neighboursOf = (names: string[]): string[] => {
    const ids = new Set(nodes.filter((node) => names.includes(node.name)).map((node) => node.id));
    const around = edges.flatMap((edge) => (ids.has(edge.source) ? [edge.target] : ids.has(edge.target) ? [edge.source] : []));
    return [...new Set([...ids, ...around])].map((id) => nodes.find((node) => node.id === id)!.name).sort();
  };
  const tencent = neighboursOf(['Tencent Holdings Ltd']);
  expect(tencent).toContain('Huaxia Bank Co Ltd');
  expect(tencent.length).toBeLessThan(nodes.length);

  await clickNode(page, 'Tencent Holdings Ltd', { button: 'right' });
  await page.click('[data-testid="menu-show-only"]');
  await countsRead(page, new RegExp(`^${tencent.length} of ${nodes.length} nodes`));
  expect(await visibleNames(page)).toEqual(tencent);
  expect(await page.textContent('#show-hidden')).toBe(`Show ${nodes.length - tencent.length} hidden`);
  await screenshot(page, 'focus-show-only-tencent');
  await page.click('#show-hidden');
  await countsRead(page, new RegExp(`^${nodes.length} nodes ·`));
  await fit(page);

  // From the inspector: the node clicked.
  await clickNode(page, 'Huaxia Bank Co Ltd');
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent === 'Huaxia Bank Co Ltd');
  await page.click('[data-testid="inspector-show-only"]');
  const huaxia = neighboursOf(['Huaxia Bank Co Ltd']);
  await countsRead(page, new RegExp(`^${huaxia.length} of ${nodes.length} nodes`));
  expect(await visibleNames(page)).toEqual(huaxia);
  await page.click('#undo');
  await countsRead(page, new RegExp(`^${nodes.length} nodes ·`));
  await fit(page);

  // A selection of two: both, and the neighbours of either.
  await clickNode(page, 'Baidu Inc');
  // (Apart, so that the two clicks are not a double-click.)
  await page.waitForTimeout(400);
  await page.keyboard.down('Shift');
  await clickNode(page, 'Alibaba Group Holding Ltd');
  await page.keyboard.up('Shift');
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent === '2 nodes selected');
  await clickNode(page, 'Baidu Inc', { button: 'right' });
  expect(await page.textContent('[data-testid="menu-show-only"]')).toBe('Show only these and their neighbours (2 selected)');
  await page.click('[data-testid="menu-show-only"]');
  const both = neighboursOf(['Baidu Inc', 'Alibaba Group Holding Ltd']);
  await countsRead(page, new RegExp(`^${both.length} of ${nodes.length} nodes`));
  expect(await visibleNames(page)).toEqual(both);
  expect(errors).toEqual([]);
});

test('"Hide N unconnected" beside the counts hides the nodes that have no visible relationship, and the counter says how many are drawn', async () => {
  const { page, errors } = await open();
  const nodes = await drawnNodes(page);
  const edges = await drawnEdges(page);
  const offers = edges.filter((edge) => edge.type === 'OFFERS');
  expect(offers.length).toBeGreaterThan(2);
  const offering = new Set(offers.flatMap((edge) => [edge.source, edge.target]));
  await page.click('[data-testid="legend-only-type-OFFERS"]');
  await countsRead(page, new RegExp(`^${nodes.length} nodes · ${offers.length} of`));
  expect(await page.textContent('#hide-unconnected')).toBe(`Hide ${nodes.length - offering.size} unconnected`);
  await page.click('#hide-unconnected');
  await countsRead(page, new RegExp(`^${offering.size} of ${nodes.length} nodes · ${offers.length} of ${edges.length} relationships$`));
  expect(await visibleNames(page)).toEqual(nodes.filter((node) => offering.has(node.id)).map((node) => node.name).sort());
  // They are hidden, not filtered: "Show all" in the legend brings the types back, not them.
  await page.click('.legend-head button:has-text("Show all")');
  await countsRead(page, new RegExp(`^${offering.size} of ${nodes.length} nodes`));
  expect(await page.textContent('#show-hidden')).toBe(`Show ${nodes.length - offering.size} hidden`);
  // Nothing left to hide: the button is gone.
  expect(await page.isHidden('#hide-unconnected')).toBe(true);
  expect(errors).toEqual([]);
});
