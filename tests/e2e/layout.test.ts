/**
 * How the explorer shares the window, in Debian's Chromium at 1024×700, 1280×720 and 1440×900
 * (issue 15, "Panels cover the graph"): the graph keeps the bulk of the window with the console open;
 * the console is a drawer the user drags (remembered), maximises or opens alone in a new tab; the
 * legend and the overview fold away (remembered), and Fit and layouts keep nodes clear of them; the
 * page never scrolls; no control disappears (a "More ⋯" menu takes what does not fit); toasts stay
 * below the toolbar; "Show N hidden" moves nothing. Checked with element boxes; screenshots of each
 * size go to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { clickNode, drawnNodes, searchAndPick, waitForNode, waitForNodeCount, waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();
// "layouts place nothing under the legend or the overview" failed in every fresh clone: in that file
// order the nodes came in another order, and fcose run again over breadth-first's places at 1280×720
// left two nodes cut off at the readable zoom (a layout the user chooses is now fitted whole then).
// Retried, with the failure logged, in case of another such dependence on order; a defect that
// fails every time still fails the run.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

interface Size {
  width: number;
  height: number;
}
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

const SIZES: Size[] = [
  { width: 1024, height: 700 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
const sizeName = (size: Size): string => `${size.width}x${size.height}`;

/** Every control of the header: the search and each toolbar control (by selector). */
const CONTROLS = ['#search', '#search-label', '#undo', '#redo', '#fit', '#zoom-in', '#zoom-out', '#layout', '#relayout', '#style-toggle', '#console-toggle', '#start-view', '#clear', '#share', '#export > summary'];

async function open(size: Size, url = context.app.url): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, url, size);
  await waitReady(opened.page);
  return opened;
}

/** An element's box in page coordinates, or null when it is not rendered (hidden, or inside something hidden). */
async function box(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    // (checkVisibility: not display:none, and not inside a closed <details>.)
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

function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Opens the "More ⋯" menu when the control is in it. */
async function reach(page: Page, selector: string): Promise<void> {
  if (await page.evaluate((selector) => document.getElementById('toolbar-more-menu')?.contains(document.querySelector(selector)) ?? false, selector)) {
    if (!(await page.evaluate(() => (document.getElementById('toolbar-more') as HTMLDetailsElement).open))) await page.click('[data-testid="toolbar-more"]');
  }
}

/** Clicks a toolbar control where it is: in the toolbar, or in the "More ⋯" menu (opened first). */
async function clickControl(page: Page, selector: string): Promise<void> {
  await reach(page, selector);
  await page.click(selector);
}

async function openConsole(page: Page): Promise<void> {
  await clickControl(page, '#console-toggle');
  await page.waitForSelector('[data-testid="cypher-editor"]');
}

/** Waits until the view stops moving (Fit animates). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window.fingraph.cy as unknown as { animated(): boolean }).animated());
  await page.waitForTimeout(100);
}

/** The visible nodes (with their labels) drawn under the legend, the overview or the counts, or outside the canvas. */
async function coveredNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface Drawn {
      visible(): boolean;
      data(key: string): string;
      renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
    }
    const cy = window.fingraph.cy as unknown as { nodes(): { filter(f: (n: Drawn) => boolean): { map<T>(f: (n: Drawn) => T): T[] } }; container(): HTMLElement };
    const origin = cy.container().getBoundingClientRect();
    // (The minimap and the counts by their own ids too: the page before the overview and the counts' box had only them.)
    const panels = ['legend', 'overview', 'minimap', 'stage-status', 'counts']
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null && element.checkVisibility())
      .map((element) => ({ id: element.id, r: element.getBoundingClientRect() }));
    return cy
      .nodes()
      .filter((node) => node.visible())
      .map((node) => {
        const b = node.renderedBoundingBox();
        const r = { left: origin.left + b.x1, top: origin.top + b.y1, right: origin.left + b.x2, bottom: origin.top + b.y2 };
        const under = panels.filter(({ r: p }) => r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom).map(({ id }) => id);
        if (r.left < origin.left - 1 || r.right > origin.right + 1 || r.top < origin.top - 1 || r.bottom > origin.bottom + 1) under.push('outside');
        return under.length > 0 ? `${node.data('name')}: ${under.join(', ')}` : '';
      })
      .filter(Boolean);
  });
}

test('the page never scrolls: at 1024×700, 1280×720 and 1440×900 the header is one row and the document is no larger than the window', async () => {
  for (const size of SIZES) {
    const { page, errors } = await open(size);
    const measured = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
    }));
    expect({ size: sizeName(size), tallerBy: measured.scrollHeight - measured.innerHeight, widerBy: measured.scrollWidth - measured.innerWidth }).toEqual({ size: sizeName(size), tallerBy: 0, widerBy: 0 });
    const header = await mustBox(page, '.app-header');
    expect(header.height).toBeLessThanOrEqual(53);
    // The side panel scrolls inside itself and ends at the window's bottom.
    expect((await mustBox(page, '.side-panel')).bottom).toBeLessThanOrEqual(size.height);
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('with the console open the canvas keeps the bulk of the window at every size; maximised, the console takes the whole work area', async () => {
  for (const size of SIZES) {
    const { page, errors } = await open(size);
    await screenshot(page, `layout-explorer-${sizeName(size)}`);
    await openConsole(page);
    const canvas = await mustBox(page, '#graph');
    const drawer = await mustBox(page, '#console');
    expect({ size: sizeName(size), canvasShareOfHeight: canvas.height / size.height >= 0.5 }).toEqual({ size: sizeName(size), canvasShareOfHeight: true });
    expect(drawer.height).toBeGreaterThanOrEqual(180);
    expect(drawer.bottom).toBeLessThanOrEqual(size.height);
    // The graph was wholly in view: it still is, clear of the panels, in the smaller canvas.
    await page.waitForTimeout(150);
    expect({ size: sizeName(size), covered: await coveredNodes(page) }).toEqual({ size: sizeName(size), covered: [] });
    // The Cytoscape canvas follows its box.
    expect(await page.evaluate(() => (window.fingraph.cy as unknown as { height(): number }).height())).toBeCloseTo(canvas.height, -1);
    await screenshot(page, `layout-console-${sizeName(size)}`);

    await page.click('[data-testid="console-maximise"]');
    const header = await mustBox(page, '.app-header');
    const work = await mustBox(page, '.work');
    const maximised = await mustBox(page, '#console');
    expect(maximised.top).toBeLessThanOrEqual(header.bottom + 1);
    expect(maximised.bottom).toBeGreaterThanOrEqual(size.height - 1);
    expect(maximised.width).toBeCloseTo(work.width, 0);
    expect(await page.getAttribute('[data-testid="console-maximise"]', 'aria-pressed')).toBe('true');
    await screenshot(page, `layout-console-maximised-${sizeName(size)}`);
    // Back to the drawer: the canvas is there again.
    await page.click('[data-testid="console-maximise"]');
    expect((await mustBox(page, '#console')).height).toBeCloseTo(drawer.height, 0);
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('no control ever disappears: at 1024×700 and at 800×600 each is in the header row or in the "More ⋯" menu, and works from there', async () => {
  for (const size of [{ width: 1024, height: 700 }, { width: 800, height: 600 }]) {
    const { page, errors } = await open(size);
    const header = await mustBox(page, '.app-header');
    const inRow: string[] = [];
    const missing: string[] = [];
    for (const selector of CONTROLS) {
      const found = await box(page, selector);
      if (found && found.width > 0 && found.right <= size.width && found.left >= 0 && found.top >= header.top && found.bottom <= header.bottom) inRow.push(selector);
      else if (!(await page.evaluate((selector) => document.getElementById('toolbar-more-menu')?.contains(document.querySelector(selector)) ?? false, selector))) missing.push(selector);
    }
    expect({ size: sizeName(size), missing }).toEqual({ size: sizeName(size), missing: [] });
    // The controls in the row do not overlap each other.
    const boxes = await Promise.all(inRow.map((selector) => mustBox(page, selector)));
    for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) if (!(inRow[i] === '#layout' || inRow[j] === '#layout')) expect(`${inRow[i]} ${inRow[j]} ${intersects(boxes[i]!, boxes[j]!)}`).toBe(`${inRow[i]} ${inRow[j]} false`);
    const overflowed = CONTROLS.filter((selector) => !inRow.includes(selector));
    if (overflowed.length > 0) {
      await page.click('[data-testid="toolbar-more"]');
      for (const selector of overflowed) {
        const found = await mustBox(page, selector);
        expect(found.right).toBeLessThanOrEqual(size.width);
        expect(found.bottom).toBeLessThanOrEqual(size.height);
      }
      await screenshot(page, `layout-more-menu-${sizeName(size)}`);
      // Escape closes the menu, focus back on its button.
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => (document.getElementById('toolbar-more') as HTMLDetailsElement).open)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('toolbar-more');
    }
    // Clear, the least needed, is the first to go into the menu; it works from there, and the menu closes.
    expect(overflowed).toContain('#clear');
    await clickControl(page, '#clear');
    await waitForNodeCount(page, 0);
    expect(await page.evaluate(() => (document.getElementById('toolbar-more') as HTMLDetailsElement).open)).toBe(false);
    await openConsole(page);
    expect(await page.getAttribute('#console-toggle', 'aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('"Show N hidden" appears without moving any other control', async () => {
  const { page, errors } = await open({ width: 1280, height: 720 });
  const before = await Promise.all(CONTROLS.map((selector) => box(page, selector)));
  const [first] = await drawnNodes(page);
  await clickNode(page, first!.name);
  await page.keyboard.press('h');
  await page.waitForSelector('#show-hidden', { state: 'visible' });
  expect(await page.textContent('#show-hidden')).toBe('Show 1 hidden');
  const after = await Promise.all(CONTROLS.map((selector) => box(page, selector)));
  expect(after).toEqual(before);
  await page.click('#show-hidden');
  await page.waitForSelector('#show-hidden', { state: 'hidden' });
  expect((await drawnNodes(page)).every((node) => node.visible)).toBe(true);
  expect(errors).toEqual([]);
});

test('the legend and the overview fold away from their header button, and stay folded after a reload', async () => {
  // (At 1440×900 the start view fits beside them open; at 1280×720 they fold by themselves for it.)
  const { page, errors } = await open({ width: 1440, height: 900 });
  const legendOpen = await mustBox(page, '#legend');
  const overviewOpen = await mustBox(page, '#overview');
  await page.click('.legend-fold');
  await page.click('#overview-fold');
  const legendFolded = await mustBox(page, '#legend');
  const overviewFolded = await mustBox(page, '#overview');
  expect(legendFolded.height).toBeLessThan(40);
  expect(legendFolded.height).toBeLessThan(legendOpen.height / 2);
  expect(overviewFolded.height).toBeLessThan(30);
  expect(await box(page, '#minimap')).toBeNull();
  expect(await page.getAttribute('#overview-fold', 'aria-expanded')).toBe('false');
  await screenshot(page, 'layout-folded-1440x900');

  await page.reload();
  await waitReady(page);
  expect((await mustBox(page, '#legend')).height).toBeLessThan(40);
  expect(await box(page, '#minimap')).toBeNull();
  await page.click('.legend-fold');
  await page.click('#overview-fold');
  expect((await mustBox(page, '#legend')).height).toBeCloseTo(legendOpen.height, 0);
  expect((await mustBox(page, '#overview')).height).toBeCloseTo(overviewOpen.height, 0);
  expect(errors).toEqual([]);
});

test('the legend and the overview never cover each other, down to 800×600 and with the console open', async () => {
  for (const size of [...SIZES, { width: 800, height: 600 }]) {
    const { page, errors } = await open(size);
    for (const consoleOpen of [false, true]) {
      if (consoleOpen) await openConsole(page);
      const legend = await mustBox(page, '#legend');
      const overview = await mustBox(page, '#overview');
      const canvas = await mustBox(page, '#graph');
      expect({ size: sizeName(size), consoleOpen, overlap: intersects(legend, overview) }).toEqual({ size: sizeName(size), consoleOpen, overlap: false });
      for (const panel of [legend, overview]) expect(panel.top >= canvas.top && panel.bottom <= canvas.bottom && panel.left >= canvas.left && panel.right <= canvas.right).toBe(true);
    }
    if (size.width === 800) await screenshot(page, 'layout-console-800x600');
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('Fit keeps every node clear of the legend, the overview and the counts, at every size, with the console open too', async () => {
  for (const size of SIZES) {
    const { page, errors } = await open(size);
    await clickControl(page, '#fit');
    await settled(page);
    expect({ size: sizeName(size), covered: await coveredNodes(page) }).toEqual({ size: sizeName(size), covered: [] });
    await openConsole(page);
    await clickControl(page, '#fit');
    await settled(page);
    expect({ size: sizeName(size), console: true, covered: await coveredNodes(page) }).toEqual({ size: sizeName(size), console: true, covered: [] });
    // With the console open the panels fold by themselves (tests/e2e/overlays.test.ts); opened by the
    // user they take room: the graph is drawn smaller, still clear of them, and larger again once folded.
    const zoomFolded = await page.evaluate(() => (window.fingraph.cy as unknown as { zoom(): number }).zoom());
    expect(await page.getAttribute('.legend-fold', 'aria-expanded')).toBe('false');
    await page.click('.legend-fold');
    await page.click('#overview-fold');
    await clickControl(page, '#fit');
    await settled(page);
    expect(await coveredNodes(page)).toEqual([]);
    const zoomOpen = await page.evaluate(() => (window.fingraph.cy as unknown as { zoom(): number }).zoom());
    expect(zoomOpen).toBeLessThan(zoomFolded);
    await page.click('.legend-fold');
    await page.click('#overview-fold');
    await clickControl(page, '#fit');
    await settled(page);
    expect(await coveredNodes(page)).toEqual([]);
    expect(await page.evaluate(() => (window.fingraph.cy as unknown as { zoom(): number }).zoom())).toBeGreaterThan(zoomOpen);
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('layouts place nothing under the legend or the overview', async () => {
  const { page, errors } = await open({ width: 1280, height: 720 });
  for (const layout of ['grid', 'concentric', 'breadthfirst', 'fcose']) {
    await reach(page, '#layout');
    await page.selectOption('#layout', layout);
    await page.waitForFunction((layout) => (window.fingraph as unknown as { explorer: { state: { layout: string } } }).explorer.state.layout === layout, layout);
    await page.waitForTimeout(200);
    await settled(page);
    expect({ layout, covered: await coveredNodes(page) }).toEqual({ layout, covered: [] });
  }
  expect(errors).toEqual([]);
});

test('an expansion brings its node and the new neighbours into view clear of the legend and the overview', async () => {
  const { page, errors } = await open({ width: 1024, height: 700 });
  // (Clear is in the More menu at this width.)
  await clickControl(page, '#clear');
  await waitForNodeCount(page, 0);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await page.waitForSelector('[data-testid="relationship-groups"]');
  await settled(page);
  // The view moved so that Tencent sits just above the legend: its neighbours go around it, some under the legend.
  await page.evaluate(() => {
    const cy = window.fingraph.cy as unknown as { container(): HTMLElement; zoom(): number; pan(to: { x: number; y: number }): void; nodes(): { position(): { x: number; y: number } } };
    const origin = cy.container().getBoundingClientRect();
    const legend = document.getElementById('legend')!.getBoundingClientRect();
    const at = cy.nodes().position();
    cy.pan({ x: legend.left - origin.left + legend.width / 2 - at.x * cy.zoom(), y: legend.top - origin.top - 50 - at.y * cy.zoom() });
  });
  await clickNode(page, 'Tencent Holdings Ltd', { double: true });
  await waitForNode(page, 'Huaxia Bank Co Ltd');
  await waitForRequests(page);
  await settled(page);
  expect(await coveredNodes(page)).toEqual([]);
  await screenshot(page, 'layout-expanded-1024x700');
  expect(errors).toEqual([]);
});

test('toasts appear below the toolbar, never over it, at every size', async () => {
  for (const size of SIZES) {
    const { page, errors } = await open(size);
    await clickControl(page, '#share');
    const toast = page.locator('[data-testid="toast-info"]').first();
    await toast.waitFor();
    const message = (await toast.boundingBox())!;
    const header = await mustBox(page, '.app-header');
    expect({ size: sizeName(size), belowHeader: message.y >= header.bottom }).toEqual({ size: sizeName(size), belowHeader: true });
    for (const selector of CONTROLS) {
      const control = await box(page, selector);
      if (control) expect(`${selector} ${intersects(control, { left: message.x, top: message.y, right: message.x + message.width, bottom: message.y + message.height, width: message.width, height: message.height })}`).toBe(`${selector} false`);
    }
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('dragging the console handle changes its height, so do its keys (aria-valuenow), and the height is kept across a reload', async () => {
  const { page, errors } = await open({ width: 1280, height: 720 });
  await openConsole(page);
  const handle = page.locator('[role="separator"][data-testid="console-handle"]');
  const before = await mustBox(page, '#console');
  const valueBefore = Number(await handle.getAttribute('aria-valuenow'));
  const grip = (await handle.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 6; step += 1) await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - step * 20);
  await page.mouse.up();
  const dragged = await mustBox(page, '#console');
  expect(dragged.height).toBeCloseTo(before.height + 120, -1);
  const valueDragged = Number(await handle.getAttribute('aria-valuenow'));
  expect(valueDragged).toBeGreaterThan(valueBefore);
  // The canvas shrank by as much and Cytoscape follows.
  expect((await mustBox(page, '#graph')).height).toBeCloseTo((await page.evaluate(() => (window.fingraph.cy as unknown as { height(): number }).height())), -1);

  await handle.focus();
  await page.keyboard.press('ArrowDown');
  const keyed = await mustBox(page, '#console');
  expect(keyed.height).toBeLessThan(dragged.height - 10);
  expect(Number(await handle.getAttribute('aria-valuenow'))).toBeLessThan(valueDragged);

  await page.reload();
  await waitReady(page);
  await openConsole(page);
  expect((await mustBox(page, '#console')).height).toBeCloseTo(keyed.height, -1);
  expect(errors).toEqual([]);
});

test('"New tab" opens the console alone, full-window, in a new tab (the same page: no inline script under the CSP)', async () => {
  const { page, errors } = await open({ width: 1280, height: 720 });
  await openConsole(page);
  const link = page.locator('[data-testid="console-new-tab"]');
  expect(await link.getAttribute('target')).toBe('_blank');
  const href = (await link.getAttribute('href'))!;
  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await popup.waitForLoadState();
  expect(new URL(popup.url()).search).toBe('?console=full');
  await popup.close();

  const alone = await open(SIZES[0]!, new URL(href, context.app.url).toString());
  await alone.page.waitForSelector('[data-testid="cypher-editor"]');
  // It runs queries as the drawer does.
  await alone.page.click('[data-testid="cypher-editor"]');
  await alone.page.keyboard.press('Control+A');
  await alone.page.keyboard.type('RETURN 1 AS one');
  await alone.page.keyboard.press('Escape');
  await alone.page.keyboard.press('Control+Enter');
  await alone.page.waitForSelector('[data-testid="console-table"]');
  // And it takes the whole window at every size (the same page, resized).
  for (const size of SIZES) {
    await alone.page.setViewportSize(size);
    await alone.page.waitForFunction((size) => {
      const r = document.querySelector('#console')!.getBoundingClientRect();
      return r.width === size.width && r.height === size.height;
    }, size);
    const panel = await mustBox(alone.page, '#console');
    expect(panel).toMatchObject({ left: 0, top: 0, width: size.width, height: size.height });
    await screenshot(alone.page, `layout-console-tab-${sizeName(size)}`);
  }
  expect(alone.errors).toEqual([]);
  await alone.page.close();
  expect(errors).toEqual([]);
});
