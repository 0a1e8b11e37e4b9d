/**
 * Back and Forward step through the views (issue 15): each step of the undo history is an entry in
 * the browser's history; a camera move (zoom, pan) only rewrites the current one; Back and Forward
 * open the view of their entry with its zoom and pan, and opening it adds no entry. Within the page
 * they step through the undo history itself: it is kept (Ctrl+Z goes on from there), and an entry of
 * the emptied canvas opens it empty, not the start view.
 */
import type { Page } from 'playwright-core';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { clickNode, emptyCanvas, names, searchAndPick, waitForRequests } from '../support/explorer-page';

const context = useBrowserApp();

interface Camera {
  zoom(): number;
  pan(): { x: number; y: number };
  animated(): boolean;
}

interface Seen {
  hash: string;
  names: string[];
  zoom: number;
  pan: { x: number; y: number };
  entries: number;
}

/** What the page shows once the camera has stopped and the address bar has caught up with it. */
async function seen(page: Page): Promise<Seen> {
  await waitForRequests(page);
  await page.waitForFunction(() => !(window.fingraph.cy as unknown as Camera).animated());
  // The address bar follows the camera once it has settled (150 ms): until it stays the same.
  for (let hash = ''; ; ) {
    await page.waitForTimeout(400);
    const now = await page.evaluate(() => location.hash);
    if (now === hash) break;
    hash = now;
  }
  return page.evaluate(() => {
    const cy = window.fingraph.cy as unknown as Camera;
    return { hash: location.hash, names: [], zoom: cy.zoom(), pan: cy.pan(), entries: history.length };
  }).then(async (view) => ({ ...view, names: await names(page) }));
}

/** Expands a node on the canvas that brings new neighbours (clicked, then E), trying them in turn. */
async function expandOne(page: Page, tried: Set<string>): Promise<void> {
  for (const name of await names(page)) {
    if (tried.has(name)) continue;
    tried.add(name);
    const before = (await names(page)).length;
    await clickNode(page, name);
    await page.keyboard.press('e');
    await waitForRequests(page);
    if ((await names(page)).length > before) return;
  }
  throw new Error('No node on the canvas brings new neighbours');
}

describe('back and forward', () => {
  test('after three expansions, Back twice opens the view after the first, Forward the second; a camera move adds no entry', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await emptyCanvas(page);
    await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
    await seen(page);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const tried = new Set<string>();
    const views: Seen[] = [];
    for (let step = 0; step < 3; step += 1) {
      const before = await page.evaluate(() => history.length);
      await expandOne(page, tried);
      await page.waitForFunction((before) => history.length === before + 1, before, { polling: 100 });
      views.push(await seen(page));
    }
    const [first, second, third] = views as [Seen, Seen, Seen];
    expect(new Set([first.names.length, second.names.length, third.names.length]).size).toBe(3);

    // A camera move rewrites the current entry: no new one.
    await page.click('#zoom-in');
    await page.waitForFunction((hash) => location.hash !== hash, third.hash, { polling: 100 });
    const zoomed = await seen(page);
    expect(zoomed.entries).toBe(third.entries);
    expect(zoomed.zoom).toBeGreaterThan(third.zoom);

    await page.goBack();
    await page.goBack();
    await page.waitForFunction((count) => window.fingraph?.cy.nodes().length === count, first.names.length, { polling: 100 });
    const back = await seen(page);
    expect(back.names).toEqual(first.names);
    // With its zoom and pan.
    expect(back.zoom).toBeCloseTo(first.zoom, 2);
    expect(Math.abs(back.pan.x - first.pan.x)).toBeLessThan(2);
    expect(Math.abs(back.pan.y - first.pan.y)).toBeLessThan(2);
    // Opening it added no entry, and the page stayed.
    expect(back.entries).toBe(zoomed.entries);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await page.goForward();
    await page.waitForFunction((count) => window.fingraph.cy.nodes().length === count, second.names.length, { polling: 100 });
    const forward = await seen(page);
    expect(forward.names).toEqual(second.names);
    expect(forward.entries).toBe(zoomed.entries);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Back and Forward keep the undo history: Ctrl+Z after Back goes on from there, and the emptied canvas comes back empty', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await emptyCanvas(page);
    await seen(page);
    await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
    const alone = await seen(page);
    expect(alone.names).toEqual(['Tencent Holdings Ltd']);
    await expandOne(page, new Set());
    const expanded = await seen(page);
    expect(expanded.names.length).toBeGreaterThan(1);

    await page.goBack();
    await page.waitForFunction(() => window.fingraph.cy.nodes().length === 1, undefined, { polling: 100 });
    expect((await seen(page)).names).toEqual(['Tencent Holdings Ltd']);
    // The undo history is the page's still: one more step back is the emptied canvas (it had been
    // started afresh from the entry's view, with nothing to undo).
    await page.focus('#graph');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.fingraph.cy.nodes().length === 0, undefined, { polling: 100 });
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => window.fingraph.cy.nodes().length === 1, undefined, { polling: 100 });

    // Back to the emptied canvas's entry: empty, not the start view.
    await page.goBack();
    await page.waitForFunction(() => window.fingraph.cy.nodes().length === 0, undefined, { polling: 100 });
    await page.waitForTimeout(500);
    expect(await names(page)).toEqual([]);
    await page.goForward();
    await page.waitForFunction(() => window.fingraph.cy.nodes().length === 1, undefined, { polling: 100 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
