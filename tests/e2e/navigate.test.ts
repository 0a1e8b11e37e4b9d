/**
 * Getting around, in Chromium on the seed data (issue 15): paths by relationship type and direction
 * ("only partnerships": Xiaomi to Huaxia Bank went through a COMPETES_WITH edge); a found path, a
 * breadth-first or concentric layout and the start view (console open) framed with their labels
 * drawn, clear of the legend and the overview; the start view laid out the same way on every load;
 * the address bar: a link pasted into an open tab, back and forward open their view, with its zoom
 * and pan. Screenshots of a framed path at three sizes go to /tmp/shots.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { findPathsBetween, names, searchAndPick, waitForNodeCount, waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

/** Node labels are not drawn below this zoom (min-zoomed-font-size 7 of 12 px). */
const LABELS_DRAWN_FROM = 7 / 12;

interface Camera {
  zoom(): number;
  pan(): { x: number; y: number };
  animated(): boolean;
  width(): number;
  height(): number;
  extent(): { x1: number; y1: number; w: number; h: number };
}
const camera = (page: Page): Promise<{ zoom: number; pan: { x: number; y: number }; centre: { x: number; y: number } }> =>
  page.evaluate(() => {
    const cy = window.fingraph.cy as unknown as Camera;
    const extent = cy.extent();
    return { zoom: cy.zoom(), pan: cy.pan(), centre: { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 } };
  });

/** Waits until the view stops moving (framing animates), and the address bar has caught up. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window.fingraph.cy as unknown as Camera).animated());
  await waitForRequests(page);
  await page.waitForTimeout(300);
}

/** The nodes (with their labels) of `selector` that are cut off by the canvas's edges or drawn under the legend, the overview or the counts. */
async function coveredNodes(page: Page, selector = 'node:visible'): Promise<string[]> {
  return page.evaluate((selector) => {
    interface Drawn {
      data(key: string): string;
      renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
    }
    const cy = window.fingraph.cy as unknown as { $(selector: string): { map<T>(f: (n: Drawn) => T): T[] }; container(): HTMLElement };
    const origin = cy.container().getBoundingClientRect();
    const panels = ['legend', 'overview', 'stage-status']
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null && element.checkVisibility())
      .map((element) => ({ id: element.id, r: element.getBoundingClientRect() }));
    return cy
      .$(selector)
      .map((node) => {
        const b = node.renderedBoundingBox();
        const r = { left: origin.left + b.x1, top: origin.top + b.y1, right: origin.left + b.x2, bottom: origin.top + b.y2 };
        const under = panels.filter(({ r: p }) => r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom).map(({ id }) => id);
        if (r.left < origin.left - 1 || r.right > origin.right + 1 || r.top < origin.top - 1 || r.bottom > origin.bottom + 1) under.push('outside');
        return under.length > 0 ? `${node.data('name')}: ${under.join(', ')}` : '';
      })
      .filter(Boolean);
  }, selector);
}

const highlightedTypes = (page: Page): Promise<string[]> => page.evaluate(() => window.fingraph.cy.edges('.highlighted').map((edge) => edge.data('type')));

async function openConsole(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('console-toggle')!.click());
  await page.waitForSelector('[data-testid="cypher-editor"]', { timeout: 30_000 });
}

describe('paths by relationship type and direction', () => {
  test('the types come from the schema; with only PARTNERS_WITH, Xiaomi to Huaxia Bank no longer goes through a competitor (issue 15)', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await waitReady(page);
    await page.click('[data-testid="path-types-summary"]');
    const listed = await page.$$eval('#path-types-list input[type=checkbox]', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(listed).toEqual(expect.arrayContaining(['PARTNERS_WITH', 'COMPETES_WITH', 'OWNS', 'LICENSED_BY']));
    expect(await page.textContent('[data-testid="path-types-summary"]')).toBe('Relationships: any type');

    const xiaomi = { text: 'Xiaomi', name: 'Xiaomi' };
    const huaxia = { text: 'Huaxia', name: 'Huaxia Bank Co Ltd' };
    await findPathsBetween(page, xiaomi, huaxia);
    await page.locator('[data-testid="path-result"]', { hasText: 'shortest path' }).waitFor();
    expect(await highlightedTypes(page)).toContain('COMPETES_WITH');

    // "Only partnerships": one click on the type's "only".
    await page.click('[data-testid="path-types-summary"]');
    await page.click('[data-testid="path-only-PARTNERS_WITH"]');
    expect(await page.textContent('[data-testid="path-types-summary"]')).toBe('Relationships: PARTNERS_WITH');
    await page.click('#path-find');
    await page.locator('[data-testid="path-result"]', { hasText: 'No path' }).waitFor();
    expect(await page.textContent('[data-testid="path-result"]')).toBe('No path between Xiaomi and Huaxia Bank Co Ltd within 4 hops using only PARTNERS_WITH. Try more hops, more types or either direction.');
    expect(await highlightedTypes(page)).not.toContain('COMPETES_WITH');

    // Tencent partners with Huaxia Bank: found with only PARTNERS_WITH, "1 hop".
    await findPathsBetween(page, { text: 'Tencent', name: 'Tencent Holdings Ltd' }, huaxia);
    await page.locator('[data-testid="path-result"]', { hasText: 'shortest path' }).waitFor();
    expect(await page.textContent('[data-testid="path-result"]')).toBe('1 shortest path of 1 hop between Tencent Holdings Ltd and Huaxia Bank Co Ltd using only PARTNERS_WITH.');
    expect(await highlightedTypes(page)).toEqual(['PARTNERS_WITH']);
    // Incoming: the partnership points from Tencent to the bank, so none comes in to Tencent.
    await page.selectOption('[data-testid="path-direction"]', 'in');
    await page.click('#path-find');
    await page.locator('[data-testid="path-result"]', { hasText: 'No path' }).waitFor();
    await page.selectOption('[data-testid="path-direction"]', 'out');
    await page.click('#path-find');
    await page.locator('[data-testid="path-result"]', { hasText: 'outwards' }).waitFor();
    // With no type ticked, the panel says what to do and asks nothing.
    await page.click('[data-testid="path-types-summary"]');
    await page.click('#path-types-list button:text("None")');
    await page.click('#path-find');
    expect(await page.textContent('[data-testid="path-result"]')).toContain('Tick at least one relationship type');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('framed with labels readable', () => {
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    test(`at ${size.width}×${size.height} a found path is framed with its labels drawn, clear of the panels`, async () => {
      const { page, errors } = await openPage(context.browser, context.app.url, size);
      await waitReady(page);
      await findPathsBetween(page, { text: 'Xiaomi', name: 'Xiaomi' }, { text: 'Agricultural', name: 'Agricultural Bank of China' });
      await page.locator('[data-testid="path-result"]', { hasText: 'shortest path' }).waitFor();
      await settled(page);
      expect((await camera(page)).zoom).toBeGreaterThanOrEqual(LABELS_DRAWN_FROM);
      expect(await coveredNodes(page, 'node.highlighted')).toEqual([]);
      await screenshot(page, `navigate-path-${size.width}x${size.height}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  test('with the console open at 1024×700, a path between far ends of the start view is framed with labels drawn, its middle clear of the panels', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1024, height: 700 });
    await waitReady(page);
    await openConsole(page);
    await settled(page);
    await page.selectOption('#path-hops', '10');
    await findPathsBetween(page, { text: 'WiFi Chain', name: 'Xiaomi WiFi Chain' }, { text: 'Agricultural', name: 'Agricultural Bank of China' });
    await page.locator('[data-testid="path-result"]', { hasText: 'shortest path' }).waitFor();
    await settled(page);
    expect((await camera(page)).zoom).toBeGreaterThanOrEqual(LABELS_DRAWN_FROM);
    const covered = await coveredNodes(page, 'node.highlighted');
    const count = await page.evaluate(() => window.fingraph.cy.nodes('.highlighted').length);
    // Panned rather than shrunk: most of the path is in view, clear of the panels.
    expect(covered.length).toBeLessThanOrEqual(Math.floor(count / 2));
    await screenshot(page, 'navigate-long-path-console-1024x700');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('breadth-first and concentric keep labels drawn and nothing under the legend or the overview, at 1024×700', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1024, height: 700 });
    await waitReady(page);
    for (const layout of ['breadthfirst', 'concentric']) {
      await page.evaluate((layout) => {
        const select = document.getElementById('layout') as HTMLSelectElement;
        select.value = layout;
        select.dispatchEvent(new Event('change'));
      }, layout);
      await page.waitForFunction((layout) => (window.fingraph as unknown as { explorer: { state: { layout: string } } }).explorer.state.layout === layout, layout);
      await settled(page);
      expect({ layout, zoomReadable: (await camera(page)).zoom >= LABELS_DRAWN_FROM }).toEqual({ layout, zoomReadable: true });
      expect({ layout, covered: await coveredNodes(page) }).toEqual({ layout, covered: [] });
      await screenshot(page, `navigate-${layout}-1024x700`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test('with the console drawer open at 1440×900 the start view, kept in view or fitted again, still draws its labels, clear of the panels', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1440, height: 900 });
    await waitReady(page);
    await openConsole(page);
    await settled(page);
    // Opened over the start view: the graph stays wholly in view, with its labels drawn.
    expect((await camera(page)).zoom).toBeGreaterThanOrEqual(LABELS_DRAWN_FROM);
    expect(await coveredNodes(page)).toEqual([]);
    await screenshot(page, 'navigate-console-opened-1440x900');
    await page.evaluate(() => document.getElementById('start-view')!.click());
    await settled(page);
    expect((await camera(page)).zoom).toBeGreaterThanOrEqual(LABELS_DRAWN_FROM);
    expect(await coveredNodes(page)).toEqual([]);
    await screenshot(page, 'navigate-start-console-1440x900');
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('the start view is laid out the same way on two fresh loads', async () => {
  const positions = async (): Promise<Record<string, { x: number; y: number }>> => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1280, height: 720 });
    await waitReady(page);
    const drawn = await page.evaluate(() => Object.fromEntries(window.fingraph.cy.nodes().map((node) => [node.data('name'), { x: Math.round(node.position().x), y: Math.round(node.position().y) }])));
    expect(errors).toEqual([]);
    await page.close();
    return drawn;
  };
  const first = await positions();
  const second = await positions();
  expect(Object.keys(first).length).toBeGreaterThan(10);
  expect(second).toEqual(first);
});

describe('the address bar', () => {
  const viewOf = (url: string): string => new URL(url).hash;

  /** Waits until the address bar holds a view other than `than` (it is rewritten shortly after a change). */
  async function hashChanged(page: Page, than: string): Promise<string> {
    await page.waitForFunction((than) => location.hash.startsWith('#view=') && location.hash !== than, than, { polling: 100 });
    await page.waitForTimeout(300);
    return page.evaluate(() => location.hash);
  }

  test('a link pasted into an open tab opens its view; back and forward open the views before and after', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1280, height: 720 });
    await waitReady(page);
    await settled(page);
    const startView = await page.evaluate(() => location.href);
    const startNames = await names(page);
    // Another view: Tencent alone.
    await page.evaluate(() => document.getElementById('clear')!.click());
    await waitForNodeCount(page, 0);
    await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
    await waitForRequests(page);
    const tencentHash = await hashChanged(page, viewOf(startView));
    const tencentNames = await names(page);
    expect(tencentNames).not.toEqual(startNames);

    // Pasting the start view's link into this tab (a new entry in the tab's history, the page stays).
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.goto(startView);
    await page.waitForFunction((count) => window.fingraph.cy.nodes().length === count, startNames.length);
    expect(await names(page)).toEqual(startNames);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // Back: the Tencent view; forward: the start view again.
    await page.goBack();
    await page.waitForFunction((count) => window.fingraph.cy.nodes().length === count, tencentNames.length);
    expect(await names(page)).toEqual(tencentNames);
    expect(await page.evaluate(() => location.hash)).toBe(tencentHash);
    await page.goForward();
    await page.waitForFunction((count) => window.fingraph.cy.nodes().length === count, startNames.length);
    expect(await names(page)).toEqual(startNames);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('zoom and pan are part of the link: a copied link opens at the same zoom, centred on the same point', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1280, height: 720 });
    await waitReady(page);
    await settled(page);
    const before = await page.evaluate(() => location.hash);
    await page.evaluate(() => {
      const cy = window.fingraph.cy as unknown as { viewport(v: { zoom: number; pan: { x: number; y: number } }): void };
      cy.viewport({ zoom: 1.8, pan: { x: -200, y: 150 } });
    });
    await hashChanged(page, before);
    const seen = await camera(page);
    const link = await page.evaluate(() => location.href);

    const other = await openPage(context.browser, link, { width: 1280, height: 720 });
    await waitReady(other.page);
    await settled(other.page);
    const restored = await camera(other.page);
    expect(restored.zoom).toBeCloseTo(1.8, 2);
    expect(Math.abs(restored.centre.x - seen.centre.x)).toBeLessThan(2);
    expect(Math.abs(restored.centre.y - seen.centre.y)).toBeLessThan(2);

    // Pasted into an open tab, the zoom and pan come with the view too.
    // (A block, so that the page does not send Cytoscape's core back as the result.)
    await other.page.evaluate(() => {
      (window.fingraph.cy as unknown as { zoom(level: number): void }).zoom(0.9);
    });
    await other.page.waitForFunction((link) => location.href !== link, link, { polling: 100 });
    await other.page.goto(context.app.url);
    await waitReady(other.page);
    await other.page.goto(link);
    await other.page.waitForFunction(() => Math.abs((window.fingraph.cy as unknown as Camera).zoom() - 1.8) < 0.01, undefined, { polling: 100 });
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.page.close();
    await page.close();
  });

  test('a link from before the camera was kept still opens, framed as before', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url, { width: 1280, height: 720 });
    await waitReady(page);
    await settled(page);
    // The same view without its "c" (camera) field: the format of older links.
    const old = await page.evaluate(() => {
      const text = location.hash.slice('#view='.length);
      const json = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
      if (!('c' in json)) throw new Error('the link has no camera');
      delete json.c;
      return btoa(JSON.stringify(json)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
    const count = await page.evaluate(() => window.fingraph.cy.nodes().length);
    const reopened = await openPage(context.browser, `${context.app.url}/#view=${old}`, { width: 1280, height: 720 });
    await waitReady(reopened.page);
    await waitForNodeCount(reopened.page, count);
    expect((await camera(reopened.page)).zoom).toBeGreaterThanOrEqual(LABELS_DRAWN_FROM);
    expect(reopened.errors).toEqual([]);
    expect(errors).toEqual([]);
    await reopened.page.close();
    await page.close();
  });
});
