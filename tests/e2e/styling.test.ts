/**
 * Styling rules (issue 15, as in Neo4j Bloom): nodes sized by degree or by a numeric property,
 * coloured by a property's values (categories, or a graded scale for numbers), a caption property
 * per label, relationship width by a numeric property; the legend explains the rules in use; they
 * are kept per database in the browser (a reload keeps them), carried by a shared link into a fresh
 * browser, reset to the default, never an undo step; on the fintech seed and on Northwind alike.
 * Each check reads what Cytoscape draws (its computed style), not only the page's data.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { dropFintechSchema } from '../support/api';
import { emptyDatabase, openDatabase } from '../support/database';
import { waitForRequests, waitReady } from '../support/explorer-page';
import { dropNorthwindIndexes, loadNorthwind } from '../support/northwind';

type Cy = import('cytoscape').Core;

interface DrawnLook {
  id: string;
  label: string;
  width: number;
  color: string;
  caption: string;
  degree: number;
  properties: Record<string, unknown>;
}

/** What Cytoscape draws for each node: its rendered width, fill colour and label text. */
async function drawnLooks(page: Page): Promise<DrawnLook[]> {
  return page.evaluate(() => {
    const { cy, explorer } = (window as unknown as { fingraph: { cy: Cy; explorer: { state: { nodes: Record<string, { data: { properties: Record<string, unknown> } }> } } } }).fingraph;
    return cy.nodes().map((node) => ({
      id: node.id(),
      label: String(node.data('label')),
      width: parseFloat(node.style('width')),
      color: node.style('background-color'),
      caption: String(node.style('label')),
      degree: node.connectedEdges().length,
      properties: explorer.state.nodes[node.id()]!.data.properties,
    }));
  });
}

async function drawnEdgeWidths(page: Page): Promise<Array<{ id: string; width: number; properties: Record<string, unknown> }>> {
  return page.evaluate(() => {
    const { cy, explorer } = (window as unknown as { fingraph: { cy: Cy; explorer: { state: { edges: Record<string, { properties: Record<string, unknown> }> } } } }).fingraph;
    return cy.edges().map((edge) => ({ id: edge.id(), width: parseFloat(edge.style('width')), properties: explorer.state.edges[edge.id()]!.properties }));
  });
}

/** Opens the styling panel from the toolbar (from More ⋯ when the row has no room for it). */
async function openStylePanel(page: Page): Promise<void> {
  if (!(await page.isVisible('#style-toggle'))) await page.click('[data-testid="toolbar-more"]');
  await page.click('#style-toggle');
  await page.waitForSelector('[data-testid="style-panel"]:not([hidden])');
}

/** Picks the option of a styling control whose text starts with `text`. */
async function choose(page: Page, control: string, text: string): Promise<void> {
  const value = await page.$eval(
    `[data-testid="${control}"]`,
    (select, text) => Array.from((select as HTMLSelectElement).options).find((option) => option.textContent!.startsWith(text))?.value ?? null,
    text,
  );
  if (value === null) throw new Error(`The control ${control} offers no "${text}…"`);
  await page.selectOption(`[data-testid="${control}"]`, value);
}

/**
 * Waits for the start view, and opens the legend (the styling key is in it) by the user's choice, so
 * that it stays open when the key makes it taller (it would fold away by itself for the graph).
 */
async function startView(page: Page, legend: 'open' | 'as it comes' = 'open'): Promise<void> {
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 5);
  await waitForRequests(page);
  if (legend === 'as it comes') return;
  // Open by the user's choice (folded and opened again when it came open), so that it stays open.
  if ((await page.getAttribute('.legend-fold', 'aria-expanded')) === 'true') await page.click('.legend-fold');
  await page.click('.legend-fold');
  await page.waitForSelector('.legend-fold[aria-expanded="true"]');
}

/** Each value's drawn colour (nodes without the property left out); fails when one value is drawn in two colours. */
async function colourByValue(page: Page, property: string): Promise<Map<string, string>> {
  const byValue = new Map<string, string>();
  for (const node of await drawnLooks(page)) {
    const value = node.properties[property];
    if (value === undefined || value === null) continue;
    const text = String(value);
    expect({ value: text, colour: byValue.get(text) ?? node.color }).toEqual({ value: text, colour: node.color });
    byValue.set(text, node.color);
  }
  return byValue;
}

/**
 * Takes the most common value of `property` off the canvas, then expands a node: every value still
 * drawn keeps the colour it had (regression: colours went by frequency, so the second most common
 * value took the first colour when the first went).
 */
async function expectColoursKept(page: Page, property: string): Promise<void> {
  const before = await colourByValue(page, property);
  const looks = await drawnLooks(page);
  const counts = new Map<string, number>();
  for (const node of looks) if (node.properties[property] !== undefined) counts.set(String(node.properties[property]), (counts.get(String(node.properties[property])) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const gone = looks.filter((node) => String(node.properties[property]) === common).map((node) => node.id);
  await page.evaluate((ids) => (window as unknown as { fingraph: { explorer: { remove(ids: string[]): void } } }).fingraph.explorer.remove(ids), gone);
  await page.waitForFunction((count) => window.fingraph.cy.nodes().length === count, looks.length - gone.length);
  const after = await colourByValue(page, property);
  expect(after.size).toBeGreaterThan(1);
  for (const [value, colour] of after) expect({ value, colour }).toEqual({ value, colour: before.get(value) });
  // An expansion adds nodes (and values, and changes how common each is).
  const remaining = await drawnLooks(page);
  const anchor = [...remaining].sort((a, b) => a.degree - b.degree)[0]!;
  await page.evaluate((id) => (window as unknown as { fingraph: { explorer: { expand(id: string): Promise<number> } } }).fingraph.explorer.expand(id), anchor.id);
  await waitForRequests(page);
  const expanded = await colourByValue(page, property);
  for (const [value, colour] of expanded) if (after.has(value)) expect({ value, colour }).toEqual({ value, colour: after.get(value) });
}

/** A 1-1 relation between two lists: larger values always get larger sizes (and equal values equal sizes). */
function expectMonotonic(pairs: Array<[value: number, size: number]>): void {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i += 1) {
    const [value, size] = sorted[i]!;
    const [lower, lowerSize] = sorted[i - 1]!;
    if (value === lower) expect(size).toBeCloseTo(lowerSize, 1);
    else expect(size).toBeGreaterThan(lowerSize);
  }
}

describe('on the fintech seed', () => {
  const context = useBrowserApp();

  test('size by degree: nodes with more relationships on the canvas are drawn larger, and the legend says so', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    const before = await drawnLooks(page);
    expect(new Set(before.map((node) => node.width))).toEqual(new Set([28]));
    await openStylePanel(page);
    await choose(page, 'style-size', 'Degree');
    await page.waitForFunction(() => (window as unknown as { fingraph: { cy: Cy } }).fingraph.cy.nodes().some((node) => parseFloat(node.style('width')) !== 28));
    const after = await drawnLooks(page);
    expectMonotonic(after.map((node) => [node.degree, node.width]));
    expect(Math.max(...after.map((node) => node.width))).toBeGreaterThan(50);
    expect(Math.min(...after.map((node) => node.width))).toBeLessThan(25);
    const key = await page.textContent('[data-testid="style-key-size"]');
    expect(key).toContain('Size: relationships on the canvas');
    expect(key).toContain(String(Math.min(...after.map((node) => node.degree))));
    expect(key).toContain(String(Math.max(...after.map((node) => node.degree))));
    // The choice in full on hover (a narrow panel cuts it short), the one made, not the one before.
    expect(await page.getAttribute('[data-testid="style-size"]', 'title')).toBe('Degree (on the canvas)');
    expect(errors).toEqual([]);
  });

  test('colour by a text property: each value its own colour, nodes without it grey, the legend lists the values; colour by label again restores the label colours', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    const labelColours = new Map((await drawnLooks(page)).map((node) => [node.id, node.color]));
    await openStylePanel(page);
    await choose(page, 'style-color', 'country');
    await page.waitForSelector('[data-testid="style-key-color"]');
    const looks = await drawnLooks(page);
    const byValue = new Map<string, Set<string>>();
    for (const node of looks) {
      const value = node.properties.country === undefined ? '(none)' : String(node.properties.country);
      byValue.set(value, (byValue.get(value) ?? new Set()).add(node.color));
    }
    // One colour per value, and different values different colours.
    for (const colours of byValue.values()) expect(colours.size).toBe(1);
    const colours = [...byValue.values()].map((set) => [...set][0]);
    expect(new Set(colours).size).toBe(byValue.size);
    expect(byValue.size).toBeGreaterThan(1);
    // Companies of different countries are no longer all the Company blue.
    const companies = looks.filter((node) => node.label === 'Company');
    expect(new Set(companies.map((node) => node.color)).size).toBeGreaterThan(1);
    const key = (await page.textContent('[data-testid="style-key-color"]'))!;
    expect(key).toContain('Colour: country');
    const chinese = looks.filter((node) => node.properties.country === 'China').length;
    expect(key).toContain(`China (${chinese})`);
    if (byValue.has('(none)')) expect(key).toContain(`no value (${looks.filter((node) => node.properties.country === undefined).length})`);
    // The label swatches show the shape only while a property colours the nodes.
    const swatchFill = await page.$eval('[data-testid="legend-label-Company"] + svg.swatch > *', (mark) => mark.getAttribute('fill'));
    expect(swatchFill).not.toBe('#3b82f6');

    await choose(page, 'style-color', 'Label');
    await page.waitForFunction(() => !document.querySelector('[data-testid="style-key-color"]'));
    for (const node of await drawnLooks(page)) expect(node.color).toBe(labelColours.get(node.id));
    expect(errors).toEqual([]);
  });

  test('a value keeps its colour while the colour rule stands: taking the most common value off the canvas and expanding a node change no value\'s colour', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    await openStylePanel(page);
    await choose(page, 'style-color', 'kind');
    await page.waitForSelector('[data-testid="style-key-color"]');
    await expectColoursKept(page, 'kind');
    // The legend shows each value with the colour it is drawn in.
    const drawn = await colourByValue(page, 'kind');
    const listed = await page.$$eval('[data-testid="style-key-color"] li', (items) => items.map((item) => ({ value: item.querySelector('.style-value')?.textContent ?? null, colour: (item.querySelector('.style-dot') as HTMLElement | null)?.style.backgroundColor ?? null })));
    const plain = (colour: string | null | undefined): string => String(colour).replace(/\s/g, '');
    expect(listed.filter(({ value }) => value !== null && drawn.has(value)).length).toBeGreaterThan(1);
    for (const { value, colour } of listed) if (value !== null && drawn.has(value)) expect({ value, colour: plain(colour) }).toEqual({ value, colour: plain(drawn.get(value)) });
    expect(errors).toEqual([]);
  });

  test('colour by a numeric property is a graded scale: the lowest and highest values at its two ends', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    await openStylePanel(page);
    await choose(page, 'style-color', 'blockchainSince');
    await page.waitForSelector('[data-testid="style-key-color"] .style-grades');
    const looks = (await drawnLooks(page)).filter((node) => typeof node.properties.blockchainSince === 'number');
    expect(looks.length).toBeGreaterThan(0);
    const grey = (await drawnLooks(page)).filter((node) => node.properties.blockchainSince === undefined).map((node) => node.color);
    expect(new Set(grey).size).toBeLessThanOrEqual(1);
    const key = (await page.textContent('[data-testid="style-key-color"]'))!;
    const values = looks.map((node) => node.properties.blockchainSince as number);
    expect(key).toContain(String(Math.min(...values)));
    expect(key).toContain(String(Math.max(...values)));
    expect(errors).toEqual([]);
  });

  test('a caption property per label: Company nodes show their country, the other labels keep their names', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    const names = new Map((await drawnLooks(page)).map((node) => [node.id, node.caption]));
    await openStylePanel(page);
    await page.selectOption('[data-testid="style-caption-Company"]', 'country');
    await page.waitForSelector('[data-testid="style-key-captions"]');
    for (const node of await drawnLooks(page)) {
      if (node.label === 'Company' && typeof node.properties.country === 'string') expect(node.caption).toBe(node.properties.country);
      else expect(node.caption).toBe(names.get(node.id));
    }
    expect(await page.textContent('[data-testid="style-key-captions"]')).toContain('Company by country');
    expect(errors).toEqual([]);
  });

  test('relationship width by a numeric property: later years draw wider lines, relationships without one the normal width', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    await openStylePanel(page);
    await choose(page, 'style-width', 'year');
    await page.waitForSelector('[data-testid="style-key-width"]');
    const edges = await drawnEdgeWidths(page);
    const dated = edges.filter((edge) => typeof edge.properties.year === 'number');
    expect(dated.length).toBeGreaterThan(1);
    expectMonotonic(dated.map((edge) => [edge.properties.year as number, edge.width]));
    for (const edge of edges.filter((each) => each.properties.year === undefined)) expect(edge.width).toBe(1.5);
    expect(await page.textContent('[data-testid="style-key-width"]')).toContain('Width: year');
    expect(errors).toEqual([]);
  });

  test('the rules are kept for this database across a reload, never an undo step, and Reset to default takes them all away', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    const undoBefore = await page.isDisabled('#undo');
    await openStylePanel(page);
    await choose(page, 'style-size', 'Degree');
    await choose(page, 'style-color', 'country');
    expect(await page.isDisabled('#undo')).toBe(undoBefore);
    const styled = await drawnLooks(page);
    // Kept under the database's part of the elementIds.
    const stored = await page.evaluate(() => {
      const id = (window as unknown as { fingraph: { cy: Cy } }).fingraph.cy.nodes()[0]!.id();
      return localStorage.getItem(`fingraph.styling:${id.slice(0, id.lastIndexOf(':'))}`);
    });
    expect(JSON.parse(stored!)).toEqual({ z: 1, c: 'country' });

    await page.reload();
    await startView(page);
    await page.waitForSelector('[data-testid="style-key-color"]');
    const reloaded = await drawnLooks(page);
    const widthOf = new Map(styled.map((node) => [node.id, node.width]));
    const colourOf = new Map(styled.map((node) => [node.id, node.color]));
    for (const node of reloaded.filter((each) => widthOf.has(each.id))) {
      expect(node.width).toBe(widthOf.get(node.id));
      expect(node.color).toBe(colourOf.get(node.id));
    }
    expect(await page.textContent('[data-testid="style-key-size"]')).toContain('relationships on the canvas');

    await openStylePanel(page);
    await page.click('[data-testid="style-reset"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="style-key-size"]'));
    expect(new Set((await drawnLooks(page)).map((node) => node.width))).toEqual(new Set([28]));
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('fingraph.styling:')))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('regression (issue 15): a reload right after a change reopens the view as it was changed, not as it was a moment before', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    await openStylePanel(page);
    await choose(page, 'style-size', 'Degree');
    await page.waitForTimeout(500);
    // The address bar held the view of 150 ms before (its rules win over the saved ones on a reload).
    await choose(page, 'style-color', 'country');
    // A person's reload comes a frame after the change at the soonest (the rules go in the address
    // bar in a task of their own after the click's, not 150 ms later as they once did).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.reload();
    await startView(page);
    await page.waitForSelector('[data-testid="style-key-size"]');
    expect(await page.locator('[data-testid="style-key-color"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  test('a shared link opens in the colours its sender saw, after values came and went (a fresh drawing would place them anew)', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page, 'as it comes');
    await openStylePanel(page);
    await choose(page, 'style-color', 'kind');
    await page.waitForSelector('[data-testid="style-key-color"]', { state: 'attached' });
    // The most common value off the canvas, and an expansion: each value keeps its colour, and the
    // new ones take the places left free, not those a fresh drawing of this canvas would give them.
    await expectColoursKept(page, 'kind');
    await page.waitForFunction(() => location.hash.startsWith('#view='));
    const link = await page.evaluate(() => `${location.origin}${location.pathname}#view=${(window as unknown as { fingraph: { explorer: { shareText(): string } } }).fingraph.explorer.shareText()}`);
    const seen = new Map((await drawnLooks(page)).map((node) => [node.id, node.color]));

    const fresh = await context.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const other = await fresh.newPage();
    await other.goto(link);
    await startView(other, 'as it comes');
    await other.waitForSelector('[data-testid="style-key-color"]', { state: 'attached' });
    const opened = await drawnLooks(other);
    expect(opened.length).toBe(seen.size);
    const differing = opened.filter((node) => node.color !== seen.get(node.id)).map((node) => `${String(node.properties.kind)}: ${node.color} (sender ${seen.get(node.id)})`);
    expect(differing).toEqual([]);
    await fresh.close();
    expect(errors).toEqual([]);
  });

  test('a shared link carries the styling rules into a fresh browser, and a link made before styling still opens', async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    await openStylePanel(page);
    await choose(page, 'style-size', 'Degree');
    await choose(page, 'style-color', 'country');
    await choose(page, 'style-width', 'year');
    await page.waitForFunction(() => location.hash.startsWith('#view='));
    const link = await page.evaluate(() => `${location.origin}${location.pathname}#view=${(window as unknown as { fingraph: { explorer: { shareText(): string } } }).fingraph.explorer.shareText()}`);
    const styled = new Map((await drawnLooks(page)).map((node) => [node.id, node]));

    // A fresh browser context: no storage of its own.
    const fresh = await context.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const other = await fresh.newPage();
    const otherErrors: string[] = [];
    other.on('console', (message) => {
      if (message.type() === 'error') otherErrors.push(message.text());
    });
    await other.goto(link);
    await startView(other);
    await other.waitForSelector('[data-testid="style-key-width"]');
    const opened = await drawnLooks(other);
    expect(opened.length).toBe(styled.size);
    for (const node of opened) {
      expect(node.width).toBe(styled.get(node.id)!.width);
      expect(node.color).toBe(styled.get(node.id)!.color);
    }
    expect(await other.textContent('[data-testid="style-key-color"]')).toContain('Colour: country');
    // ...and they are that browser's rules for the database now.
    expect(await other.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('fingraph.styling:')).length)).toBe(1);

    // A link of the earlier format (no styling field) opens with the default look.
    const oldLink = await page.evaluate(() => {
      const text = location.hash.slice('#view='.length);
      const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
      delete json.s;
      const bytes = new TextEncoder().encode(JSON.stringify(json));
      return `${location.origin}${location.pathname}#view=${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    });
    const oldContext = await context.browser.newContext();
    const oldPage = await oldContext.newPage();
    await oldPage.goto(oldLink);
    await waitReady(oldPage);
    await oldPage.waitForFunction((count) => window.fingraph.cy.nodes().length === count, styled.size);
    expect(new Set((await drawnLooks(oldPage)).map((node) => node.width))).toEqual(new Set([28]));
    await oldContext.close();
    await fresh.close();
    expect(otherErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('screenshots of a styled view at three sizes, light and dark', async () => {
    for (const [width, height] of [[1024, 700], [1280, 720], [1440, 900]] as const) {
      const { page, errors } = await openPage(context.browser, context.app.url, { width, height });
      await startView(page, 'as it comes');
      await openStylePanel(page);
      await choose(page, 'style-size', 'Degree');
      await choose(page, 'style-color', 'kind');
      await choose(page, 'style-width', 'year');
      // Escape closes the panel (the focus goes back to its button); the legend's key explains the view.
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid="style-panel"]', { state: 'hidden' });
      // Light, then dark from the toggle: the same styled view in both.
      for (const theme of ['light', 'dark'] as const) {
        if ((await page.getAttribute('html', 'data-theme')) !== theme) await page.click('#theme-toggle');
        await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, theme);
        await page.evaluate(() => (window as unknown as { fingraph: { explorer: { fitView(): void } } }).fingraph.explorer.fitView());
        await page.waitForTimeout(400);
        await screenshot(page, `styling-${width}x${height}-${theme}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('on Northwind (another shape: no `name`, numbers in other properties)', () => {
  const context = useBrowserApp(async (database) => {
    await emptyDatabase(database);
    await dropFintechSchema((statement) => database.runStatement(statement));
    await loadNorthwind(database);
  });

  afterAll(async () => {
    const database = openDatabase();
    await emptyDatabase(database);
    await dropNorthwindIndexes(database);
    await database.close();
  });

  test("the panel offers Northwind's own properties, and sizing, colouring and captions by them change what is drawn", async () => {
    const { page, errors } = await openPage(context.browser, context.app.url);
    await startView(page);
    await openStylePanel(page);
    const sizeOptions = await page.$$eval('[data-testid="style-size"] option', (options) => options.map((option) => option.textContent!));
    expect(sizeOptions.join(' ')).not.toMatch(/country|blockchain/);
    const colorOptions = await page.$$eval('[data-testid="style-color"] option', (options) => options.map((option) => option.textContent!));
    expect(colorOptions.join(' ')).not.toMatch(/blockchainSince|fintechFocus/);
    const looks = await drawnLooks(page);
    // A numeric property some node on the canvas holds, as the panel lists it.
    const numeric = sizeOptions.slice(2).map((text) => text.split(' (')[0]!).find((property) => looks.filter((node) => typeof node.properties[property] === 'number').length > 1);
    expect(numeric).toBeDefined();
    await choose(page, 'style-size', `${numeric} (`);
    await page.waitForSelector('[data-testid="style-key-size"]');
    const sized = (await drawnLooks(page)).filter((node) => typeof node.properties[numeric!] === 'number');
    expectMonotonic(sized.map((node) => [node.properties[numeric!] as number, node.width]));
    expect(new Set(sized.map((node) => node.width)).size).toBeGreaterThan(1);

    const labels = [...new Set(looks.map((node) => node.label))];
    const captionLabel = labels.find((label) => label === 'Employee') ?? labels[0]!;
    const captionOptions = await page.$$eval(`[data-testid="style-caption-${captionLabel}"] option`, (options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    const property = captionOptions.find((each) => looks.some((node) => node.label === captionLabel && typeof node.properties[each] === 'string' && node.properties[each] !== node.caption))!;
    await page.selectOption(`[data-testid="style-caption-${captionLabel}"]`, property);
    await page.waitForSelector('[data-testid="style-key-captions"]');
    for (const node of (await drawnLooks(page)).filter((each) => each.label === captionLabel && typeof each.properties[property] === 'string')) expect(node.caption).toBe(node.properties[property]);

    const textProperty = colorOptions.slice(1).map((text) => text.split(' (')[0]!).find((each) => new Set(looks.map((node) => node.properties[each]).filter((value) => typeof value === 'string')).size > 1)!;
    await choose(page, 'style-color', `${textProperty} (`);
    await page.waitForSelector('[data-testid="style-key-color"]');
    expect(await page.textContent('[data-testid="style-key-color"]')).toContain(`Colour: ${textProperty}`);
    const coloured = await drawnLooks(page);
    expect(new Set(coloured.map((node) => node.color)).size).toBeGreaterThan(1);
    await expectColoursKept(page, textProperty);
    await screenshot(page, 'styling-northwind');
    expect(errors).toEqual([]);
  });
});
