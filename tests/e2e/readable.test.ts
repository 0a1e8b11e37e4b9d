/**
 * Readable at a glance (issue 15): label sizes, relationship type names only where they help, a
 * colour per relationship type matching the legend, hover that lights up a neighbourhood (and is
 * never an undo step), the full name of a truncated node, dark mode. Screenshots at three sizes go
 * to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { clickEdge, drawnEdges, emptyCanvas, nodeId, searchAndPick, waitForNode, clickNode, waitForRequests, waitReady } from '../support/explorer-page';

const LONG_NAME = 'Zhong An Online Property and Casualty Insurance Company Limited of Shanghai';

const context = useBrowserApp(async (database) => {
  await database.runStatement(
    `MATCH (tencent:Company {name: 'Tencent Holdings Ltd'})
     CREATE (:Company {id: 'e2e-long-name', name: $name})-[:PARTNERS_WITH]->(tencent)`,
    { name: LONG_NAME },
  );
  await database.runStatement('CALL db.awaitIndexes(60)');
});

/** Tencent expanded, at zoom 1 around it. */
async function tencentExpanded(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, context.app.url);
  const { page } = opened;
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await clickNode(page, 'Tencent Holdings Ltd', { double: true });
  await waitForNode(page, LONG_NAME);
  await waitForRequests(page);
  await page.waitForTimeout(400);
  const id = await nodeId(page, 'Tencent Holdings Ltd');
  await page.evaluate((id) => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    cy.stop();
    cy.zoom(1);
    cy.center(cy.getElementById(id));
  }, id);
  await page.mouse.move(2, 2);
  // The pointer left Tencent (double-clicked above): its hover ends after a short linger.
  await page.waitForFunction(() => (window as unknown as { fingraph: { hover: { lit(): string[] } } }).fingraph.hover.lit().length === 0);
  return opened;
}

async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    const rect = cy.container()!.getBoundingClientRect();
    const at = (cy.getElementById(id) as import('cytoscape').NodeSingular).renderedPosition();
    return { x: rect.left + at.x, y: rect.top + at.y };
  }, id);
}

async function hover(page: Page, id: string): Promise<void> {
  const at = await pointOf(page, id);
  await page.mouse.move(at.x - 30, at.y - 30);
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

/**
 * Whether Cytoscape draws the element's label now: its size on screen against min-zoomed-font-size;
 * on the canvas, or (`hover`) as the hover layer draws its copy over the faded canvas.
 */
async function labelShown(page: Page, id: string, where: 'canvas' | 'hover' = 'canvas'): Promise<{ shown: boolean; px: number }> {
  return page.evaluate(({ id, where }) => {
    const { fingraph } = window as unknown as { fingraph: { cy: import('cytoscape').Core; hover: { overlay: import('cytoscape').Core } } };
    const cy = where === 'hover' ? fingraph.hover.overlay : fingraph.cy;
    const element = cy.getElementById(id);
    if (element.empty()) return { shown: false, px: 0 };
    const px = parseFloat(element.style('font-size') as string);
    const min = parseFloat(element.style('min-zoomed-font-size') as string);
    return { shown: element.style('label') !== '' && px * cy.zoom() >= min, px };
  }, { id, where });
}

const rgb = (color: string): string => color.replace(/\s+/g, '');

test('node labels are 12 px at zoom 1; relationship type names are hidden there and shown on hover and for the selection', async () => {
  const { page, errors } = await tencentExpanded();
  const tencent = await nodeId(page, 'Tencent Holdings Ltd');
  expect((await labelShown(page, tencent)).px).toBeGreaterThanOrEqual(12);
  expect((await labelShown(page, tencent)).shown).toBe(true);
  const edges = await drawnEdges(page);
  const own = edges.find((edge) => edge.source === tencent || edge.target === tencent)!;
  const other = edges.find((edge) => edge.source !== tencent && edge.target !== tencent)!;
  expect(await labelShown(page, own.id)).toEqual({ shown: false, px: expect.any(Number) });
  expect(await labelShown(page, other.id)).toMatchObject({ shown: false });

  // Hovering Tencent names its relationships (at 11 px or more), not the others.
  await hover(page, tencent);
  await page.waitForFunction((id) => (window as unknown as { fingraph: { hover: { overlay: import('cytoscape').Core } } }).fingraph.hover.overlay.getElementById(id).hasClass('hover-lit'), own.id);
  const lit = await labelShown(page, own.id, 'hover');
  expect(lit.shown).toBe(true);
  expect(lit.px).toBeGreaterThanOrEqual(11);
  expect((await labelShown(page, other.id)).shown).toBe(false);
  expect((await labelShown(page, other.id, 'hover')).shown).toBe(false);
  await screenshot(page, 'readable-hover');

  // A selected relationship is named too.
  await page.mouse.move(2, 2);
  await page.waitForTimeout(200);
  await clickEdge(page, other.id);
  await page.waitForFunction((id) => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.getElementById(id).selected(), other.id);
  expect((await labelShown(page, other.id)).shown).toBe(true);
  // Zoomed in past 1.2, all are named.
  await page.evaluate(() => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.zoom(1.5));
  expect((await labelShown(page, own.id)).shown).toBe(true);
  expect(errors).toEqual([]);
});

test('each relationship type has its own colour, and its legend row shows the same colour', async () => {
  const { page, errors } = await tencentExpanded();
  const colours = await page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    const byType: Record<string, string[]> = {};
    cy.edges().forEach((edge) => {
      (byType[edge.data('type') as string] ??= []).push(edge.style('line-color') as string);
    });
    return byType;
  });
  const types = Object.keys(colours);
  expect(types.length).toBeGreaterThanOrEqual(2);
  for (const type of types) expect(new Set(colours[type]).size).toBe(1);
  const distinct = new Set(types.map((type) => rgb(colours[type]![0]!)));
  expect(distinct.size).toBe(types.length);
  for (const type of types) {
    const swatch = await page.$eval(`[data-testid="legend-type-${type}"] ~ .edge-swatch`, (element) => getComputedStyle(element).backgroundColor);
    expect(rgb(swatch)).toBe(rgb(colours[type]![0]!));
  }
  expect(errors).toEqual([]);
});

test('hovering a node fades all but its neighbourhood and names it in full; leaving restores; hover is no undo step and leaves the URL alone', async () => {
  const { page, errors } = await tencentExpanded();
  const tencent = await nodeId(page, 'Tencent Holdings Ltd');
  const long = await nodeId(page, LONG_NAME);
  await page.waitForFunction(() => location.hash.startsWith('#view='));
  await page.waitForTimeout(300);
  const url = page.url();
  const count = await page.evaluate(() => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.nodes().length);
  /**
   * What is drawn: the neighbourhood's copies on the hover layer (at the canvas's pan and zoom, fully
   * opaque) over a veil that covers the whole canvas in the canvas's colour, mostly opaque: the rest
   * shows through it faded. Without a hover, no layer and no copies.
   */
  const drawn = (): Promise<{ hood: string[]; far: number; lit: string[]; litOpacity: number[]; veil: { shown: boolean; alpha: number; covers: boolean }; samePlace: boolean }> =>
    page.evaluate((id) => {
      const { cy, hover } = (window as unknown as { fingraph: { cy: import('cytoscape').Core; hover: { overlay: import('cytoscape').Core; lit(): string[] } } }).fingraph;
      const hood = cy.getElementById(id).closedNeighborhood();
      const layer = document.querySelector<HTMLElement>('[data-testid="hover-layer"]')!;
      const veil = layer.querySelector<HTMLElement>('.hover-veil')!;
      const background = getComputedStyle(veil).backgroundColor;
      const alpha = Number(/rgba?\(.*?,.*?,.*?(?:,\s*([\d.]+))?\)/.exec(background)?.[1] ?? (/ \/ ([\d.]+)\)/.exec(background)?.[1] ?? '1'));
      const a = veil.getBoundingClientRect();
      const b = cy.container()!.getBoundingClientRect();
      const copies = hover.overlay.nodes();
      return {
        hood: hood.map((element) => element.id()).sort(),
        far: cy.elements().difference(hood).length,
        lit: [...hover.lit()].sort(),
        litOpacity: hover.overlay.elements().map((element) => Number(element.style('opacity'))),
        veil: { shown: !layer.hidden && getComputedStyle(layer).display !== 'none', alpha, covers: Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1 && Math.abs(a.height - b.height) < 1 },
        samePlace: copies.map((copy) => {
          const at = copy.renderedPosition();
          const original = (cy.getElementById(copy.id()) as import('cytoscape').NodeSingular).renderedPosition();
          return Math.abs(at.x - original.x) < 0.5 && Math.abs(at.y - original.y) < 0.5;
        }).every(Boolean),
      };
    }, long);
  const before = await drawn();
  expect(before.far).toBeGreaterThan(3);
  expect(before.lit).toEqual([]);
  expect(before.veil.shown).toBe(false);

  await hover(page, long);
  await page.waitForSelector('[data-testid="node-tooltip"]', { state: 'visible' });
  expect(await page.textContent('[data-testid="node-tooltip"] .tooltip-name')).toBe(LONG_NAME);
  expect(await page.textContent('[data-testid="node-tooltip"]')).toContain('Company');
  const during = await drawn();
  expect(during.lit).toEqual(during.hood);
  expect(during.litOpacity.every((value) => value === 1)).toBe(true);
  expect(during.samePlace).toBe(true);
  expect(during.veil).toEqual({ shown: true, alpha: expect.any(Number), covers: true });
  expect(during.veil.alpha).toBeGreaterThan(0.5);
  await screenshot(page, 'readable-hover-long-name');

  await page.mouse.move(2, 2);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="node-tooltip"]')?.hidden === true);
  await page.waitForTimeout(200);
  const after = await drawn();
  expect(after.lit).toEqual([]);
  expect(after.veil.shown).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { fingraph: { hover: { overlay: import('cytoscape').Core } } }).fingraph.hover.overlay.elements().length)).toBe(0);
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  // One undo takes back the expansion: the hover was not a step of its own.
  await page.click('#undo');
  await page.waitForFunction((count) => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.nodes().length < count, count);
  expect(await page.evaluate(() => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.nodes().map((node) => node.id()))).toEqual([tencent]);
  expect(errors).toEqual([]);
});

async function theme(page: Page): Promise<{ theme: string | undefined; background: string; label: string }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    return { theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor, label: cy.nodes().first().style('color') as string };
  });
}
const luminance = (color: string): number => {
  const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
};

test('dark mode follows the system, and the toggle overrides it across a reload', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(luminance((await theme(page)).background)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const dark = await theme(page);
  expect(luminance(dark.background)).toBeLessThan(0.2);
  expect(luminance(dark.label)).toBeGreaterThan(0.7);
  for (const size of [{ width: 1024, height: 700 }, { width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await screenshot(page, `readable-dark-${size.width}x${size.height}`);
  }
  await page.click('#theme-toggle');
  expect((await theme(page)).theme).toBe('light');
  await page.reload();
  await waitReady(page);
  const light = await theme(page);
  expect(light.theme).toBe('light');
  expect(luminance(light.background)).toBeGreaterThan(0.8);
  expect(luminance(light.label)).toBeLessThan(0.3);
  expect(await page.getAttribute('#theme-toggle', 'aria-pressed')).toBe('false');
  for (const size of [{ width: 1024, height: 700 }, { width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await screenshot(page, `readable-explorer-${size.width}x${size.height}`);
  }
  expect(errors).toEqual([]);
});

test('the mouse wheel zooms at Cytoscape\'s normal speed, with no warning about a custom sensitivity', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.reload();
  await waitReady(page);
  const box = (await page.locator('#graph').boundingBox())!;
  await page.evaluate(() => {
    const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
    cy.stop();
    cy.zoom(0.5);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Ten notches of a common mouse wheel (100 px each) towards the screen.
  for (let notch = 0; notch < 10; notch += 1) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(60);
  }
  const zoom = await page.evaluate(() => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.zoom());
  // Cytoscape's default speed: the first four notches are clamped while it learns the wheel's step,
  // then each is 10 ^ (3 / 250): about 1.4x for ten notches. The old sensitivity of 0.3 gave 1.11x.
  expect(zoom / 0.5).toBeGreaterThan(1.3);
  expect(warnings.filter((text) => /wheel/i.test(text))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the hover layer makes its first appearance unseen once the canvas is drawn, before any hover: nothing lit, faded or drawn over the canvas after it', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy.nodes().length > 5);
  // Done in idle time: the first hover then costs what the next ones do (no first drawing, no buffers to allocate).
  await page.waitForFunction(() => (window as unknown as { fingraph: { hover: { warmed(): boolean } } }).fingraph.hover.warmed());
  const after = await page.evaluate(() => {
    const { hover } = (window as unknown as { fingraph: { hover: { lit(): string[]; overlay: import('cytoscape').Core } } }).fingraph;
    const layer = document.querySelector<HTMLElement>('[data-testid="hover-layer"]')!;
    return { lit: hover.lit().length, copies: hover.overlay.elements().length, layer: getComputedStyle(layer).visibility, veil: layer.querySelector<HTMLElement>('.hover-veil')!.hidden };
  });
  expect(after).toEqual({ lit: 0, copies: 0, layer: 'hidden', veil: true });
  expect(errors).toEqual([]);
});
