/**
 * The inspector names a node's neighbours and shows where evidence comes from (issue 15), in
 * Chromium on the seed data plus a hub of 3,000 partner banks and two extra articles: the
 * neighbours by relationship type and direction with their names (not only counts), each a button
 * that adds the neighbour with its relationship or focuses it when it is on the canvas; on the hub
 * the first ten and "more", never thousands at once; names as text. Evidence links its article
 * (http and https only, in a new tab, no opener, no referrer) and shows its publication date.
 * Regressions: the inspector listed counts only, and evidence named its article without a link or date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { importFiles } from '../../server/seed';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { clickEdge, drawnEdges, emptyCanvas, names, nodeId, searchAndPick, waitForNodeCount } from '../support/explorer-page';

const HUB_BANKS = 3_000;
const ARTICLE_URL = 'https://news.example.com/2017/06/tencent-huaxia-fintech.html';
const MARKUP = '<img src=x onerror=alert(1)> Bank';

const context = useBrowserApp(async (database) => {
  await database.runStatement(
    `CREATE (hub:Company {id: 'e2e-neighbours-hub', name: 'Neighbourhub Holdings'})
     WITH hub UNWIND range(1, $banks) AS i
     CREATE (hub)-[:PARTNERS_WITH]->(:Bank {id: 'e2e-neighbours-bank-' + i, name: 'Hub Bank ' + i})`,
    { banks: HUB_BANKS },
  );
  // One neighbour of another type whose name looks like markup.
  await database.runStatement(`MATCH (hub:Company {id: 'e2e-neighbours-hub'}) CREATE (hub)-[:OWNS]->(:Bank {id: 'e2e-neighbours-markup', name: $markup})`, { markup: MARKUP });
  // An article with its address and date, imported as a user would (the import checks both), cited by
  // Tencent's partnership with Huaxia Bank beside the seed's China Daily article.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-evidence-')), 'web-article.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      sources: [{ id: 'e2e-web-article', title: 'Tencent and Huaxia Bank team up', publisher: 'Example News', timeFrame: 'June 2017', url: ARTICLE_URL, published: '2017-06-22' }],
      relationships: [{ type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank', evidence: [{ source: 'e2e-web-article', quote: 'Tencent and Huaxia Bank will co-develop an anti-fraud lab.' }] }],
    }),
  );
  await importFiles(database, [file]);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  // And one whose address is not a web address (a foreign database may hold anything): shown as text, never a link.
  await database.runStatement(
    `CREATE (:Source {id: 'e2e-script-article', name: 'Scripted article', url: 'javascript:alert(3)'})
     WITH 1 AS one
     MATCH (:Company {id: 'tencent'})-[r:PARTNERS_WITH]->(:Bank {id: 'huaxia-bank'})
     SET r.sourceIds = r.sourceIds + 'e2e-script-article', r.quotes = r.quotes + 'A quote from a page with a script address.'`,
  );
  await database.runStatement('CALL db.awaitIndexes(60)');
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, context.app.url);
  opened.page.on('dialog', (dialog) => {
    opened.errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await emptyCanvas(opened.page);
  return opened;
}

/** The names listed for a group, once its first page is in. */
async function listed(page: Page, group: string): Promise<string[]> {
  const selector = `[data-testid="neighbours-${group}"] [data-testid="neighbour"]`;
  await page.waitForSelector(selector);
  return page.locator(selector).allTextContents();
}

test('the inspector names the neighbours by type and direction; a click adds one with its relationship, a second click focuses it', async () => {
  const { page, errors } = await open();
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  // Names, not only counts: Tencent's partner, its competitors both ways, what it offers.
  expect(await listed(page, 'PARTNERS_WITH-out')).toEqual(['+ Huaxia Bank Co Ltd']);
  expect(await listed(page, 'COMPETES_WITH-out')).toHaveLength(2);
  expect(await listed(page, 'COMPETES_WITH-in')).toHaveLength(1);
  expect(await listed(page, 'OFFERS-out')).toEqual(['+ Tencent blockchain invoicing system']);
  await screenshot(page, 'inspector-neighbours-tencent');

  const huaxia = page.locator('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbour"]', { hasText: 'Huaxia Bank Co Ltd' });
  expect(await huaxia.getAttribute('data-on-canvas')).toBe('false');
  await huaxia.click();
  await waitForNodeCount(page, 2);
  expect(await names(page)).toEqual(['Huaxia Bank Co Ltd', 'Tencent Holdings Ltd']);
  const [tencentId, huaxiaId] = [await nodeId(page, 'Tencent Holdings Ltd'), await nodeId(page, 'Huaxia Bank Co Ltd')];
  expect((await drawnEdges(page)).filter((edge) => edge.visible).map((edge) => [edge.type, edge.source, edge.target])).toEqual([['PARTNERS_WITH', tencentId, huaxiaId]]);
  // The inspector stays on Tencent, and the entry now says Huaxia Bank is on the canvas.
  expect(await page.textContent('[data-testid="inspector-title"]')).toBe('Tencent Holdings Ltd');
  await page.waitForFunction(() => document.querySelector('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbour"]')?.getAttribute('data-on-canvas') === 'true');
  // One undo step takes it away again; redo brings it back.
  await page.click('#undo');
  await waitForNodeCount(page, 1);
  await page.click('#redo');
  await waitForNodeCount(page, 2);
  // On the canvas: a click focuses it (selected, and the inspector shows it).
  await page.locator('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbour"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent === 'Huaxia Bank Co Ltd');
  expect(await page.evaluate(() => window.fingraph.cy.nodes(':selected').map((node) => String(node.data('name'))))).toEqual(['Huaxia Bank Co Ltd']);
  expect(await listed(page, 'PARTNERS_WITH-in')).toEqual(['Tencent Holdings Ltd']);
  expect(errors).toEqual([]);
});

test('a node with 3,000 neighbours lists the first ten of the group with "more", and "more" the next ten; a name like markup is text', async () => {
  const { page, errors } = await open();
  await searchAndPick(page, 'Neighbourhub', 'Neighbourhub Holdings');
  const first = await listed(page, 'PARTNERS_WITH-out');
  expect(first).toHaveLength(10);
  const more = page.locator('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbours-more"]');
  expect(await more.textContent()).toBe('10 more (10 of 3,000 shown)');
  // Never thousands of names in the page at once.
  expect(await page.locator('[data-testid="neighbour"]').count()).toBeLessThanOrEqual(11);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbour"]').length === 20);
  const twenty = await page.locator('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbour"]').allTextContents();
  expect(twenty.slice(0, 10)).toEqual(first);
  expect(new Set(twenty).size).toBe(20);
  expect(await more.textContent()).toBe('10 more (20 of 3,000 shown)');
  // The other group: its one neighbour, whose name looks like markup, listed as text.
  expect(await listed(page, 'OWNS-out')).toEqual([`+ ${MARKUP}`]);
  expect(await page.locator('[data-testid="inspector"] img, [data-testid="inspector"] script').count()).toBe(0);
  // Adding that one draws it with its relationship, named as it is.
  await page.locator('[data-testid="neighbours-OWNS-out"] [data-testid="neighbour"]').click();
  await waitForNodeCount(page, 2);
  expect(await names(page)).toEqual([MARKUP, 'Neighbourhub Holdings']);
  expect(errors).toEqual([]);
});

test("evidence links its article's web address in a new tab, with the publication date; an address that is not http or https is text", async () => {
  const { page, errors } = await open();
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await page.locator('[data-testid="neighbours-PARTNERS_WITH-out"] [data-testid="neighbour"]', { hasText: 'Huaxia Bank Co Ltd' }).click();
  await waitForNodeCount(page, 2);
  const edge = (await drawnEdges(page)).find((each) => each.type === 'PARTNERS_WITH')!;
  await clickEdge(page, edge.id);
  await page.waitForSelector('[data-testid="evidence"]');
  const figures = page.locator('[data-testid="evidence"] figure');
  // The seed's quotes, then the two added here.
  expect(await figures.count()).toBeGreaterThanOrEqual(3);
  // The seed's article: no address, no date known; named, not linked.
  const seed = figures.filter({ hasText: 'China Daily' });
  expect(await seed.locator('a').count()).toBe(0);
  expect(await seed.locator('[data-testid="source-published"]').count()).toBe(0);
  // The imported one: a link to its address, in a new tab without opener or referrer, and its date.
  const web = figures.filter({ hasText: 'Example News' });
  const link = web.locator('a[data-testid="source-link"]');
  expect(await link.getAttribute('href')).toBe(ARTICLE_URL);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await link.textContent()).toBe('Tencent and Huaxia Bank team up');
  expect(await web.locator('[data-testid="source-published"]').textContent()).toBe(' · published 2017-06-22');
  expect(await web.locator('time').getAttribute('datetime')).toBe('2017-06-22');
  // The javascript: address: no link anywhere, the address shown as text.
  const scripted = figures.filter({ hasText: 'Scripted article' });
  expect(await scripted.locator('a').count()).toBe(0);
  expect(await scripted.locator('[data-testid="source-address"]').textContent()).toBe(' · javascript:alert(3)');
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  await screenshot(page, 'inspector-evidence-link');
  expect(errors).toEqual([]);
});
