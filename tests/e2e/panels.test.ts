/**
 * Every panel is built one way (client/src/layout/panel.ts, issue 15): its opener's aria-expanded
 * follows it, the focus goes into it when it opens and back to the opener when it closes, Escape
 * closes it where that is safe, and fits keep the graph clear of a panel over the canvas. Checked on
 * each panel of the page, in Chromium.
 */
import type { Page } from 'playwright-core';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

/** Whether the focus is inside the element of `selector`. */
async function focusWithin(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => document.querySelector(selector)?.contains(document.activeElement) ?? false, selector);
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function expanded(page: Page, opener: string): Promise<string | null> {
  return page.getAttribute(opener, 'aria-expanded');
}

async function openPanels(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, context.app.url);
  await waitReady(opened.page);
  await waitForRequests(opened.page);
  return opened;
}

describe('panels', () => {
  test('the styling panel: its button says it is open, the focus goes to its first control, Escape closes it and the focus is back on the button', async () => {
    const { page, errors } = await openPanels();
    expect(await expanded(page, '#style-toggle')).toBe('false');
    await page.click('#style-toggle');
    await page.waitForSelector('#style-panel:not([hidden])');
    expect(await expanded(page, '#style-toggle')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('style-size');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#style-panel', { state: 'hidden' });
    expect(await expanded(page, '#style-toggle')).toBe('false');
    expect(await focusedId(page)).toBe('style-toggle');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('with the styling panel open, a fit keeps every node clear of it', async () => {
    const { page, errors } = await openPanels();
    await page.click('#style-toggle');
    await page.waitForSelector('#style-panel:not([hidden])');
    await page.click('#fit');
    await page.waitForFunction(() => !(window.fingraph.cy as unknown as { animated(): boolean }).animated());
    const under = await page.evaluate(() => {
      const panel = document.getElementById('style-panel')!.getBoundingClientRect();
      const cy = window.fingraph.cy as unknown as { container(): HTMLElement; nodes(): { map<T>(f: (n: { data(k: string): string; renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number } }) => T): T[] } };
      const origin = cy.container().getBoundingClientRect();
      return cy.nodes().map((node) => {
        const b = node.renderedBoundingBox();
        const overlaps = origin.left + b.x1 < panel.right && panel.left < origin.left + b.x2 && origin.top + b.y1 < panel.bottom && panel.top < origin.top + b.y2;
        return overlaps ? node.data('name') : null;
      }).filter((name) => name !== null);
    });
    expect(under).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the console: its button says it is open, the editor takes the focus, and closing it by × gives the focus back to the button', async () => {
    const { page, errors } = await openPanels();
    await page.click('#console-toggle');
    await page.waitForSelector('[data-testid="cypher-editor"]');
    expect(await expanded(page, '#console-toggle')).toBe('true');
    await page.waitForFunction(() => document.getElementById('console')!.contains(document.activeElement));
    await page.click('.console-close');
    await page.waitForSelector('#console', { state: 'hidden' });
    expect(await expanded(page, '#console-toggle')).toBe('false');
    expect(await focusedId(page)).toBe('console-toggle');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the text view: the focus goes into the list when its button shows it, and Escape hides it and gives the focus back', async () => {
    const { page, errors } = await openPanels();
    await page.click('[data-testid="text-view-toggle"]');
    expect(await expanded(page, '#text-view-toggle')).toBe('true');
    expect(await focusWithin(page, '#text-view')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await expanded(page, '#text-view-toggle')).toBe('false');
    expect(await focusedId(page)).toBe('text-view-toggle');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the article panel: the focus goes into its form, its button again gives it the focus, and × gives the focus back to the button', async () => {
    const { page, errors } = await openPanels();
    await page.click('#add-article');
    await page.waitForSelector('[data-testid="article-panel"]:not([hidden])');
    expect(await expanded(page, '#add-article')).toBe('true');
    expect(await focusWithin(page, '#article-panel')).toBe(true);
    await page.click('#add-article');
    expect(await expanded(page, '#add-article')).toBe('true');
    expect(await focusWithin(page, '#article-panel')).toBe(true);
    await page.click('[data-testid="article-close"]');
    await page.waitForSelector('[data-testid="article-panel"]', { state: 'hidden' });
    expect(await expanded(page, '#add-article')).toBe('false');
    expect(await focusedId(page)).toBe('add-article');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an edit form: the focus is inside while it is open, and Escape closes it and gives the focus back to the button that opened it', async () => {
    const { page, errors } = await openPanels();
    await page.focus('#new-entity');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.edit-dialog[open]');
    expect(await focusWithin(page, 'dialog.edit-dialog')).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.edit-dialog', { state: 'detached' });
    expect(await focusedId(page)).toBe('new-entity');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the side panel and the overview fold: their buttons say whether they are open, and the fold is kept across a reload', async () => {
    const { page, errors } = await openPanels();
    await page.click('#side-panel-toggle');
    expect(await expanded(page, '#side-panel-toggle')).toBe('false');
    expect(await page.isHidden('#side-panel-body')).toBe(true);
    await page.click('#overview-fold');
    expect(await expanded(page, '#overview-fold')).toBe('false');
    expect(await page.isHidden('#minimap')).toBe(true);
    await page.reload();
    await waitReady(page);
    expect(await expanded(page, '#side-panel-toggle')).toBe('false');
    expect(await expanded(page, '#overview-fold')).toBe('false');
    expect(await page.isHidden('#minimap')).toBe(true);
    await page.click('#side-panel-toggle');
    await page.click('#overview-fold');
    expect(await expanded(page, '#side-panel-toggle')).toBe('true');
    expect(await page.isVisible('#side-panel-body')).toBe(true);
    expect(await page.isVisible('#minimap')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the legend folds as the other panels do: from the keyboard its button keeps the focus and says whether it is open, the lists come back when it opens, and the fold is kept across a reload', async () => {
    const { page, errors } = await openPanels();
    // (At 1440x900 the start view leaves the legend open.)
    expect(await expanded(page, '#legend-fold')).toBe('true');
    expect(await page.locator('#legend-body input[type="checkbox"]').count()).toBeGreaterThan(3);
    await page.focus('#legend-fold');
    await page.keyboard.press('Enter');
    expect(await expanded(page, '#legend-fold')).toBe('false');
    expect(await page.isHidden('#legend-body')).toBe(true);
    expect(await page.textContent('#legend-fold')).toBe('▸ Legend and filters');
    // The same button, not a redrawn copy: the focus stays on it, and Enter opens the legend again.
    expect(await focusedId(page)).toBe('legend-fold');
    await page.keyboard.press('Enter');
    expect(await expanded(page, '#legend-fold')).toBe('true');
    expect(await focusedId(page)).toBe('legend-fold');
    expect(await page.locator('#legend-body input[type="checkbox"]').count()).toBeGreaterThan(3);
    await page.keyboard.press('Enter');
    await page.reload();
    await waitReady(page);
    expect(await expanded(page, '#legend-fold')).toBe('false');
    expect(await page.isHidden('#legend-body')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
