/**
 * Issue 16, "Add an article" (real Chromium, real Neo4j): an article pasted, its candidates reviewed
 * beside its text (accepted, edited, rejected) and previewed on the canvas, committed as one change;
 * the inspector shows the new facts' quotes and source; a revert from the inspector's history takes
 * them away. An .html file with a script and an event handler is read without anything of it
 * running. Bad input is answered in the panel, keeping what was typed, writing nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { CLIENT_DIST } from '../../server/cli/client-build';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { changeCount, content } from '../support/changes';
import { fingerprint, loadSeed } from '../support/database';
import { clickEdge, drawnEdges, drawnNodes, emptyCanvas, nodeId, searchAndPick, waitForNode } from '../support/explorer-page';
import { startApp } from '../support/http';

const context = useBrowserApp();

beforeEach(async () => {
  await loadSeed(context.database);
});

/** A made-up article (not one of the dataset's sources): two entities of the graph, three new ones. */
const ARTICLE = [
  'Baidu teams up with Huaxia Bank on a digital lending platform',
  '',
  'Beijing, 3 March 2026. Baidu signed a strategic cooperation agreement with Huaxia Bank to build a digital lending platform for small firms, the two companies said on Tuesday.',
  '',
  'Under the deal, Du Xiaoman, a unit of Baidu, will supply the credit models. Huaxia Bank launched Huaxia Smart Loan, an app for small business owners, last year.',
  '',
  'Meanwhile, Northwind Capital acquired a stake in Du Xiaoman, according to people familiar with the matter.',
].join('\n');

const SOURCE = { title: 'Baidu teams up with Huaxia Bank', publisher: 'Example Wire', url: 'https://example.com/baidu-huaxia', published: '2026-03-03' };

async function row(statement: string): Promise<Record<string, unknown> | null> {
  const result = await context.database.runStatement(statement);
  const record = result.records[0];
  return record ? (record.toObject() as Record<string, unknown>) : null;
}

/** Chromium logs each 4xx answer as a console error; those the test provoked on purpose are not page errors. */
function unexpected(errors: string[], statuses: number[] = []): string[] {
  return errors.filter((error) => !statuses.some((status) => error.includes(`status of ${status}`)));
}

/** Opens the panel from its button beside "New entity…". */
async function openPanel(page: Page): Promise<Locator> {
  await page.locator('#add-article').click();
  const panel = page.locator('[data-testid="article-panel"]');
  await panel.waitFor();
  return panel;
}

async function fillSource(panel: Locator, source: typeof SOURCE = SOURCE): Promise<void> {
  await panel.getByLabel('Title').fill(source.title);
  await panel.getByLabel('Publisher').fill(source.publisher);
  await panel.getByLabel('Link').fill(source.url);
  await panel.getByLabel('Publication date').fill(source.published);
}

function entity(panel: Locator, name: string): Locator {
  return panel.locator('[data-testid="candidate-entity"]').filter({ has: panel.page().locator('.candidate-name', { hasText: new RegExp(`^${name}$`) }) });
}

function relationship(panel: Locator, type: string): Locator {
  return panel.locator('[data-testid="candidate-relationship"]').filter({ has: panel.page().locator('[data-testid="candidate-fact"]', { hasText: `—${type}→` }) });
}

async function proposed(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: { nodes(s: string): { map<T>(f: (n: { data(k: string): string }) => T): T[] }; edges(s: string): { map<T>(f: (n: { data(k: string): string }) => T): T[] } } } }).fingraph.cy;
    return { nodes: cy.nodes('.proposed').map((node) => node.data('name')).sort(), edges: cy.edges('.proposed').map((edge) => edge.data('type')).sort() };
  });
}

test('an article is pasted, reviewed (accepted, edited, rejected), previewed and committed as one change; the inspector shows its quotes, and a revert takes the facts away', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  await searchAndPick(page, 'Huaxia', 'Huaxia Bank Co Ltd');
  const before = await content(context.database);
  const changesBefore = await changeCount(context.database);

  const panel = await openPanel(page);
  expect(await page.locator('#add-article').getAttribute('aria-expanded')).toBe('true');
  await fillSource(panel);
  await panel.getByLabel('Article text').fill(ARTICLE);
  await panel.locator('[data-testid="article-find"]').click();
  await panel.locator('[data-testid="article-review"]').waitFor();

  // The candidates: those of the graph marked so, the new ones with their labels.
  await entity(panel, 'Du Xiaoman').waitFor();
  expect(await entity(panel, 'Baidu Inc').locator('[data-testid="candidate-where"]').innerText()).toBe('in the graph');
  expect(await entity(panel, 'Huaxia Bank Co Ltd').locator('[data-testid="candidate-where"]').innerText()).toBe('in the graph');
  expect(await entity(panel, 'Du Xiaoman').locator('[data-testid="candidate-where"]').innerText()).toBe('new');
  expect(await entity(panel, 'Du Xiaoman').locator('[data-testid="candidate-label"]').innerText()).toBe('Company');
  expect(await entity(panel, 'Smart Loan').locator('[data-testid="candidate-label"]').innerText()).toBe('Product');
  expect(await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-fact"]').innerText()).toBe('Du Xiaoman —SUBSIDIARY_OF→ Baidu Inc');
  expect(await relationship(panel, 'SUBSIDIARY_OF').innerText()).toMatch(/confidence \d+%/);

  // The text, with every mention a <mark> of its own; hovering a candidate lights its mentions.
  const text = panel.locator('[data-testid="article-text"]');
  expect(await text.innerText()).toContain('Meanwhile, Northwind Capital acquired a stake in Du Xiaoman');
  const duMarks = text.locator('mark[data-owners~="entity:du-xiaoman"]');
  expect(await duMarks.count()).toBe(2);
  expect(await duMarks.first().innerText()).toBe('Du Xiaoman');
  await entity(panel, 'Du Xiaoman').hover();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-text"] mark.lit').length === 2);
  await relationship(panel, 'OFFERS').hover();
  await text.locator('.lit', { hasText: 'launched' }).first().waitFor();

  // Reject Northwind Capital: its relationship goes with it, and the panel says so.
  await entity(panel, 'Northwind Capital').locator('[data-testid="candidate-reject"]').click();
  expect(await panel.locator('[data-testid="article-notice"]').innerText()).toBe('Rejecting Northwind Capital also rejects its relationship: Northwind Capital —OWNS→ Du Xiaoman.');
  expect(await relationship(panel, 'OWNS').locator('[data-testid="candidate-state"]').innerText()).toBe('Rejected');
  expect(await relationship(panel, 'OWNS').locator('[data-testid="candidate-rejected-with"]').innerText()).toBe('Rejected with Northwind Capital.');

  // Edit a new entity's name, and a relationship's quote (shortened to its clause).
  await entity(panel, 'Smart Loan').locator('[data-testid="candidate-edit"]').click();
  await panel.locator('[data-testid="candidate-name-input"]').fill('Huaxia Smart Loan');
  expect(await panel.locator('[data-testid="candidate-label-input"]').inputValue()).toBe('Product');
  await panel.locator('[data-testid="candidate-edit-done"]').click();
  await entity(panel, 'Huaxia Smart Loan').waitFor();
  await relationship(panel, 'OFFERS').locator('[data-testid="candidate-edit"]').click();
  await panel.locator('[data-testid="candidate-quote-input"]').fill('Huaxia Bank launched Huaxia Smart Loan, an app for small business owners');
  await panel.locator('[data-testid="candidate-edit-done"]').click();
  expect(await relationship(panel, 'OFFERS').locator('[data-testid="candidate-quote"]').innerText()).toBe('Huaxia Bank launched Huaxia Smart Loan, an app for small business owners');
  expect(await relationship(panel, 'OFFERS').locator('[data-testid="candidate-fact"]').innerText()).toBe('Huaxia Bank Co Ltd —OFFERS→ Huaxia Smart Loan');

  // Accept three relationships (their ends with them); the canvas previews them, nothing is written.
  for (const type of ['PARTNERS_WITH', 'SUBSIDIARY_OF', 'OFFERS']) await relationship(panel, type).locator('[data-testid="candidate-accept"]').click();
  expect(await entity(panel, 'Du Xiaoman').locator('[data-testid="candidate-state"]').innerText()).toBe('Accepted');
  expect(await panel.locator('[data-testid="article-tally"]').innerText()).toBe('7 accepted · 2 rejected · 0 not decided');
  await page.waitForFunction(() => (window as unknown as { fingraph: { cy: { edges(s: string): { length: number } } } }).fingraph.cy.edges('.proposed').length === 3);
  // Huaxia Bank is on the canvas: the preview joins it; Baidu is not: it is previewed too.
  expect(await proposed(page)).toEqual({ nodes: ['Baidu Inc', 'Du Xiaoman', 'Huaxia Smart Loan'], edges: ['OFFERS', 'PARTNERS_WITH', 'SUBSIDIARY_OF'] });
  expect(await content(context.database)).toBe(before);
  await screenshot(page, 'add-article-review-1440x900');

  // Commit: one change; the real elements replace the preview where it stood.
  const previewAt = await page.evaluate(() => {
    const node = (window as unknown as { fingraph: { cy: { getElementById(id: string): { position(): { x: number; y: number } } } } }).fingraph.cy.getElementById('proposed-node:du-xiaoman');
    return node.position();
  });
  await panel.locator('[data-testid="article-author"]').fill('Ada Analyst');
  await panel.locator('[data-testid="article-commit"]').click();
  await panel.waitFor({ state: 'hidden', timeout: 15_000 });
  await waitForNode(page, 'Du Xiaoman');
  await waitForNode(page, 'Huaxia Smart Loan');
  await waitForNode(page, 'Baidu Inc');
  expect(await proposed(page)).toEqual({ nodes: [], edges: [] });
  // The source is evidence, not drawn; the node of the graph the new facts join is.
  expect((await drawnNodes(page)).map((node) => node.name).sort()).toEqual(['Baidu Inc', 'Du Xiaoman', 'Huaxia Bank Co Ltd', 'Huaxia Smart Loan']);
  const du = (await drawnNodes(page)).find((node) => node.name === 'Du Xiaoman')!;
  expect(Math.hypot(du.x - previewAt.x, du.y - previewAt.y)).toBeLessThan(1);
  expect(await changeCount(context.database)).toBe(changesBefore + 1);
  expect(await row('MATCH (c:_FingraphChange) WITH c ORDER BY c.at DESC LIMIT 1 RETURN c.comment AS comment, c.author AS author')).toEqual({ comment: 'Add article: Baidu teams up with Huaxia Bank', author: 'Ada Analyst' });
  expect(await row("MATCH (s:Source {title: 'Baidu teams up with Huaxia Bank'}) RETURN s.publisher AS publisher, s.url AS url, s.published AS published, s.text CONTAINS 'Northwind Capital' AS withText")).toEqual({
    publisher: 'Example Wire',
    url: 'https://example.com/baidu-huaxia',
    published: '2026-03-03',
    withText: true,
  });
  expect(await row("MATCH (:Bank {id: 'huaxia-bank'})-[r:OFFERS]->(p:Product {name: 'Huaxia Smart Loan'}) RETURN r.quotes AS quotes")).toEqual({ quotes: ['Huaxia Bank launched Huaxia Smart Loan, an app for small business owners'] });
  expect(await row("MATCH (n {name: 'Northwind Capital'}) RETURN count(n) AS count")).toEqual({ count: expect.anything() });
  expect(Number((await row("MATCH (n {name: 'Northwind Capital'}) RETURN count(n) AS count"))!.count)).toBe(0);
  expect(Number((await row('MATCH ()-[r:OWNS]->(:Company {name: "Du Xiaoman"}) RETURN count(r) AS count'))!.count)).toBe(0);

  // The inspector on the new partnership: its quote and its source.
  const baidu = await nodeId(page, 'Baidu Inc');
  const huaxia = await nodeId(page, 'Huaxia Bank Co Ltd');
  const partnership = (await drawnEdges(page)).find((edge) => edge.type === 'PARTNERS_WITH' && edge.source === baidu && edge.target === huaxia)!;
  expect(partnership).toBeDefined();
  await clickEdge(page, partnership.id);
  const evidence = page.locator('[data-testid="evidence"]');
  await evidence.locator('.quote', { hasText: 'teams up with Huaxia Bank' }).waitFor();
  expect(await evidence.innerText()).toContain('Baidu teams up with Huaxia Bank');

  // Its history holds the commit; a revert (asked first) takes every new fact away, on the canvas and in the database.
  const entries = page.locator('[data-testid="history-entry"]');
  await entries.first().waitFor();
  expect(await entries.first().innerText()).toContain('Add article: Baidu teams up with Huaxia Bank');
  await entries.first().locator('[data-testid="history-revert"]').click();
  const revert = page.locator('dialog[open][data-testid="revert"]');
  await revert.locator('[data-testid="edit-submit"]').click();
  await revert.waitFor({ state: 'detached', timeout: 15_000 });
  await page.waitForFunction(() => !(window as unknown as { fingraph: { cy: { nodes(): { map<T>(f: (n: { data(k: string): string }) => T): T[] } } } }).fingraph.cy.nodes().map((node) => node.data('name')).includes('Du Xiaoman'), undefined, { timeout: 15_000 });
  const after = await drawnNodes(page);
  expect(after.map((node) => node.name)).not.toContain('Huaxia Smart Loan');
  expect((await drawnEdges(page)).find((edge) => edge.id === partnership.id)).toBeUndefined();
  expect(await content(context.database)).toBe(before);
  expect(unexpected(errors)).toEqual([]);
});

test('an .html file with a script and an onerror handler is opened: its readable text is reviewed and nothing of it runs; a fact the graph has is offered as new evidence', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-article-'));
  const file = path.join(folder, 'tencent-huaxia.html');
  fs.writeFileSync(
    file,
    [
      '<!doctype html><html><head><title>Tencent and Huaxia Bank</title><script>window.__articleRan = true; document.title = "ran";</script></head>',
      '<body><h1>A fintech lab for Shenzhen</h1>',
      '<img src="does-not-exist.png" onerror="window.__articleRan = true">',
      '<p onmouseover="window.__articleRan = true">Tencent partnered with Huaxia Bank to run a fintech lab in Shenzhen, the bank said.</p>',
      '<script>window.__articleRan = true;</script></body></html>',
    ].join('\n'),
  );
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  const panel = await openPanel(page);
  await fillSource(panel, { title: 'Tencent and Huaxia Bank', publisher: 'Example Wire', url: 'https://example.com/tencent-huaxia', published: '2026-02-01' });
  await panel.locator('[data-testid="article-file"]').setInputFiles(file);
  await page.waitForFunction(() => (document.querySelector('[data-testid="article-input"]') as HTMLTextAreaElement).value.includes('<script>'));
  expect(await panel.locator('[data-testid="article-is-html"]').isChecked()).toBe(true);
  await panel.locator('[data-testid="article-find"]').click();
  await panel.locator('[data-testid="article-review"]').waitFor();
  const text = await panel.locator('[data-testid="article-text"]').innerText();
  expect(text).toContain('Tencent partnered with Huaxia Bank to run a fintech lab in Shenzhen');
  expect(text).not.toContain('__articleRan');
  expect(await panel.locator('img, script').count()).toBe(0);
  await panel.locator('[data-testid="article-text"]').hover();
  // The seed has Tencent —PARTNERS_WITH→ Huaxia Bank: the sentence is offered as new evidence for it.
  const fact = relationship(panel, 'PARTNERS_WITH');
  expect(await fact.locator('[data-testid="candidate-adds-evidence"]').innerText()).toBe('adds evidence to an existing relationship');
  await fact.locator('[data-testid="candidate-accept"]').click();
  await page.waitForFunction(() => (window as unknown as { fingraph: { cy: { elements(s: string): { length: number } } } }).fingraph.cy.elements('.proposed, .proposed-evidence').length > 0);
  await screenshot(page, 'add-article-review-1024x700');
  expect(await page.evaluate(() => [(window as unknown as { __articleRan?: boolean }).__articleRan ?? false, document.title])).toEqual([false, 'Fingraph']);

  // Committed: the relationship the graph had keeps one, now with the article's quote too.
  const quotesBefore = (await row("MATCH (:Company {id: 'tencent'})-[r:PARTNERS_WITH]->(:Bank {id: 'huaxia-bank'}) RETURN size(r.quotes) AS count, count(r) AS relationships"))!;
  await panel.locator('[data-testid="article-commit"]').click();
  await panel.waitFor({ state: 'hidden', timeout: 15_000 });
  const quotesAfter = (await row("MATCH (:Company {id: 'tencent'})-[r:PARTNERS_WITH]->(:Bank {id: 'huaxia-bank'}) RETURN size(r.quotes) AS count, count(r) AS relationships, last(r.quotes) AS quote"))!;
  expect(Number(quotesAfter.relationships)).toBe(Number(quotesBefore.relationships));
  expect(Number(quotesAfter.count)).toBe(Number(quotesBefore.count) + 1);
  expect(quotesAfter.quote).toBe('Tencent partnered with Huaxia Bank to run a fintech lab in Shenzhen, the bank said.');
  expect(await page.evaluate(() => (window as unknown as { __articleRan?: boolean }).__articleRan ?? false)).toBe(false);
  expect(unexpected(errors)).toEqual([]);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('bad input is answered in the panel in the user’s words, keeping what was typed, and writes nothing', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  const before = await fingerprint(context.database);
  // From the keyboard: the button opens the panel on its first field.
  await page.focus('#add-article');
  await page.keyboard.press('Enter');
  const panel = page.locator('[data-testid="article-panel"]');
  await panel.waitFor();
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('article-title');
  const error = panel.locator('[data-testid="article-error"]');

  // Empty text, a link that is not a web address.
  await fillSource(panel, { ...SOURCE, url: 'ftp://example.com/article' });
  await panel.locator('[data-testid="article-find"]').click();
  await error.waitFor();
  expect(await error.innerText()).toContain('The article is empty: paste its text, or open a .txt, .md or .html file.');
  expect(await error.innerText()).toContain('The link must be a web address starting with https:// or http:// (got “ftp://example.com/article”).');
  expect(await panel.getByLabel('Link').getAttribute('aria-invalid')).toBe('true');

  // A text that names nothing: the server's note, the text kept.
  await panel.getByLabel('Link').fill(SOURCE.url);
  await panel.getByLabel('Article text').fill('the weather was mild and nothing much happened today.');
  await panel.locator('[data-testid="article-find"]').click();
  await panel.locator('[data-testid="article-error"]', { hasText: 'No entities found' }).waitFor();
  expect(await panel.getByLabel('Article text').inputValue()).toBe('the weather was mild and nothing much happened today.');

  // Too long (413 from extraction).
  const long = Array.from({ length: 20_050 }, (_, index) => `word${index % 97}`).join(' ');
  await panel.getByLabel('Article text').fill(long);
  await panel.locator('[data-testid="article-find"]').click();
  await panel.locator('[data-testid="article-error"]', { hasText: 'The article is too long: 20,050 words' }).waitFor();

  // A quote edited to words the article does not hold: the commit is refused with its rule, the review kept.
  await panel.getByLabel('Article text').fill(ARTICLE);
  await panel.locator('[data-testid="article-find"]').click();
  await panel.locator('[data-testid="article-review"]').waitFor();
  // The review takes the focus on its heading; Tab reaches Close, the text, then the first candidate's Accept, which Enter presses.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('article-close');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('The article, its mentions highlighted');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => [(document.activeElement as HTMLElement).dataset.testid, document.activeElement?.closest('[role="group"]')?.getAttribute('aria-label')])).toEqual(['candidate-accept', 'Baidu Inc, in the graph']);
  await page.keyboard.press('Enter');
  expect(await entity(panel, 'Baidu Inc').locator('[data-testid="candidate-state"]').innerText()).toBe('Accepted');
  // (The focus stays on the button just pressed, though the list is drawn again.)
  expect(await page.evaluate(() => [(document.activeElement as HTMLElement).dataset.testid, document.activeElement?.getAttribute('aria-pressed')])).toEqual(['candidate-accept', 'true']);
  await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-edit"]').click();
  await panel.locator('[data-testid="candidate-quote-input"]').fill('Du Xiaoman is wholly owned by Baidu.');
  await panel.locator('[data-testid="candidate-edit-done"]').click();
  await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-quote-missing"]').waitFor();
  await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-accept"]').click();
  await panel.locator('[data-testid="article-commit"]').click();
  const refusal = panel.locator('[data-testid="article-review-error"]');
  await refusal.waitFor();
  expect(await refusal.innerText()).toMatch(/^Nothing was saved \(rule: evidence\.quote-in-source\)/);
  expect(await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-quote"]').innerText()).toBe('Du Xiaoman is wholly owned by Baidu.');
  expect(await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-state"]').innerText()).toBe('Accepted');
  expect(await fingerprint(context.database)).toEqual(before);

  // Cancel: the preview goes, nothing written.
  await panel.locator('[data-testid="article-cancel-review"]').click();
  await panel.waitFor({ state: 'hidden' });
  expect(await proposed(page)).toEqual({ nodes: [], edges: [] });
  expect(await fingerprint(context.database)).toEqual(before);
  expect(unexpected(errors, [400, 413])).toEqual([]);
});

test('where writes are not allowed (a public deployment), the commit says how to enable editing and writes nothing', async () => {
  const readOnly = await startApp(context.database, CLIENT_DIST, { deployment: 'public' });
  try {
    const { page, errors } = await openPage(context.browser, readOnly.url);
    await emptyCanvas(page);
    const before = await fingerprint(context.database);
    const panel = await openPanel(page);
    await fillSource(panel);
    await panel.getByLabel('Article text').fill(ARTICLE);
    await panel.locator('[data-testid="article-find"]').click();
    await panel.locator('[data-testid="article-review"]').waitFor();
    await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-accept"]').click();
    await panel.locator('[data-testid="article-commit"]').click();
    const refusal = panel.locator('[data-testid="article-review-error"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/^Editing is not enabled here: This server is a public deployment \(DEPLOYMENT=public\), which is read-only\./);
    expect(await relationship(panel, 'SUBSIDIARY_OF').locator('[data-testid="candidate-state"]').innerText()).toBe('Accepted');
    expect(await fingerprint(context.database)).toEqual(before);
    expect(unexpected(errors, [403])).toEqual([]);
  } finally {
    await readOnly.close();
  }
});
