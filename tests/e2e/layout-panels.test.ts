/**
 * Layout leftovers of issue 15 ("Panels cover the graph"), in Debian's Chromium: at 1024 px the
 * header keeps one row with the theme toggle and the status in it, the controls that do not fit in
 * "More ⋯"; the legend never runs taller than a short canvas (it scrolls inside itself); the side
 * panel (paths, inspector) folds away and opens again, remembered, and the canvas takes its room.
 * Checked with element boxes, as tests/e2e/layout.test.ts does; screenshots go to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitReady } from '../support/explorer-page';

const context = useBrowserApp();

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

async function box(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element || !(element instanceof HTMLElement) || !element.checkVisibility()) return null;
    const r = element.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }, selector);
}

async function mustBox(page: Page, selector: string): Promise<Box> {
  const found = await box(page, selector);
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
}

const inside = (inner: Box, outer: Box): boolean => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;

test('at 1024×700 and 800×600, in both themes, the header is one row: title, search, toolbar, theme toggle and status side by side, none cut off', async () => {
  for (const size of [{ width: 1024, height: 700 }, { width: 800, height: 600 }]) {
    const { page, errors } = await openPage(context.browser, context.app.url, size);
    await waitReady(page);
    for (const theme of ['light', 'dark']) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme ?? 'light')) !== theme) await page.click('#theme-toggle');
      const header = await mustBox(page, '.app-header');
      expect(header.height).toBeLessThanOrEqual(53);
      const parts = ['.app-title', '#search-form', '#toolbar', '#theme-toggle', '#status'];
      const boxes = await Promise.all(parts.map((selector) => mustBox(page, selector)));
      for (const [index, part] of boxes.entries()) {
        expect({ size: size.width, theme, part: parts[index], inHeader: inside(part, header) && part.width > 0 }).toEqual({ size: size.width, theme, part: parts[index], inHeader: true });
        // Left to right, without overlapping the one before.
        if (index > 0) expect({ part: parts[index], after: part.left >= boxes[index - 1]!.right - 0.5 }).toEqual({ part: parts[index], after: true });
      }
      // The toolbar's own controls stay inside the toolbar (what does not fit is in More ⋯).
      const toolbar = boxes[2]!;
      const controls = await page.evaluate(() =>
        Array.from(document.getElementById('toolbar')!.children)
          .filter((child) => child instanceof HTMLElement && child.checkVisibility())
          .map((child) => {
            const r = child.getBoundingClientRect();
            return { id: child.id || child.className, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
          }),
      );
      for (const control of controls) expect({ control: control.id, inToolbar: inside(control, toolbar) }).toEqual({ control: control.id, inToolbar: true });
      expect(await page.evaluate(() => Number(document.getElementById('toolbar')!.dataset.overflow))).toBeGreaterThan(0);
      await screenshot(page, `layout-header-${theme}-${size.width}x${size.height}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('on a short canvas (the console drawer at its tallest) the legend stays inside the canvas, no taller than half of it, and scrolls inside itself', async () => {
  for (const size of [{ width: 1024, height: 700 }, { width: 1280, height: 720 }]) {
    const { page, errors } = await openPage(context.browser, context.app.url, size);
    await waitReady(page);
    await page.keyboard.press('q');
    await page.waitForSelector('[data-testid="cypher-editor"]');
    // The drawer's handle: Up makes it taller, until the canvas keeps its least.
    const handle = page.locator('[data-testid="console-handle"]');
    await handle.focus();
    let previous = -1;
    for (let step = 0; step < 40; step += 1) {
      const height = (await mustBox(page, '#console')).height;
      if (height === previous) break;
      previous = height;
      await page.keyboard.press('ArrowUp');
    }
    const canvas = await mustBox(page, '#graph');
    expect(canvas.height).toBeLessThan(260);
    const legend = await mustBox(page, '#legend');
    expect({ size: size.width, legendInCanvas: inside(legend, canvas) }).toEqual({ size: size.width, legendInCanvas: true });
    expect(legend.height).toBeLessThanOrEqual(canvas.height / 2 + 1);
    // What does not fit scrolls inside the legend (nothing is cut off for good).
    const scroll = await page.evaluate(() => {
      const element = document.getElementById('legend')!;
      return { overflowY: getComputedStyle(element).overflowY, scrollHeight: element.scrollHeight, clientHeight: element.clientHeight };
    });
    if (scroll.scrollHeight > scroll.clientHeight + 1) expect(['auto', 'scroll']).toContain(scroll.overflowY);
    // The overview too, clear of the counts above it.
    const overview = await mustBox(page, '#overview');
    expect(inside(overview, canvas)).toBe(true);
    const counts = await mustBox(page, '#stage-status');
    expect({ size: size.width, overviewBelowCounts: overview.top >= counts.bottom }).toEqual({ size: size.width, overviewBelowCounts: true });
    await screenshot(page, `layout-short-canvas-${size.width}x${size.height}`);
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('the side panel folds to a strip and opens again from its button, remembered across a reload; the canvas takes the room; Enter on a node opens it again', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url, { width: 1024, height: 700 });
  await waitReady(page);
  const toggle = '[data-testid="side-panel-toggle"]';
  const panelOpen = await mustBox(page, '.side-panel');
  const canvasOpen = await mustBox(page, '#graph');
  expect(await page.getAttribute(toggle, 'aria-expanded')).toBe('true');
  await page.click(toggle);
  await page.waitForFunction(() => document.querySelector('.side-panel')!.getBoundingClientRect().width < 60);
  const panelFolded = await mustBox(page, '.side-panel');
  expect(await page.getAttribute(toggle, 'aria-expanded')).toBe('false');
  expect(await page.getAttribute(toggle, 'aria-label')).toMatch(/^Show the side panel/);
  expect(await box(page, '[data-testid="inspector"]')).toBeNull();
  // The canvas took the room, and Cytoscape follows its box.
  await page.waitForFunction((width) => document.getElementById('graph')!.getBoundingClientRect().width > width, canvasOpen.width + panelOpen.width - panelFolded.width - 2);
  const canvasFolded = await mustBox(page, '#graph');
  await page.waitForFunction((width) => Math.abs((window.fingraph.cy as unknown as { width(): number }).width() - width) < 2, canvasFolded.width);
  // No page scroll either way.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, 'layout-side-panel-folded-1024x700');

  await page.reload();
  await waitReady(page);
  expect((await mustBox(page, '.side-panel')).width).toBeLessThan(60);
  // Enter on a node (the keyboard's way to the inspector) opens the panel with the node in it.
  await page.focus('#theme-toggle');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="inspector"] .inspector-title');
  expect((await mustBox(page, '.side-panel')).width).toBeCloseTo(panelOpen.width, 0);
  // And its button folds it again, then opens it.
  await page.click(toggle);
  await page.click(toggle);
  expect((await mustBox(page, '.side-panel')).width).toBeCloseTo(panelOpen.width, 0);
  expect(await page.getAttribute(toggle, 'aria-expanded')).toBe('true');
  expect(errors).toEqual([]);
});
