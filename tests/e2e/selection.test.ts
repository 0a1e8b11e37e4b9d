/**
 * Selection on the canvas, as Bloom and Linkurious users expect it, in Chromium on the seed data: a
 * plain click selects that node alone, Shift/Ctrl + click adds, a double-click selects the node it
 * expands, Shift + drag selects a box, and the keys act on exactly the selection the inspector shows. Regressions: four plain
 * clicks then Delete removed three nodes (clicks added to the selection); with two nodes selected,
 * C did nothing.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { clickNode, drawnNodes, emptyCanvas, findPathsBetween, names, nodeId, searchAndPick, waitForNodeCount, waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, context.app.url);
  await waitReady(opened.page);
  return opened;
}

async function selectedNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.fingraph.cy.nodes(':selected').map((node) => String(node.data('name'))).sort());
}

/** Clicks with Shift held (adds to the selection). */
async function shiftClick(page: Page, name: string): Promise<void> {
  await page.keyboard.down('Shift');
  await clickNode(page, name);
  await page.keyboard.up('Shift');
}

test('four plain clicks on four nodes select only the last; Delete removes that one node', async () => {
  const { page, errors } = await open();
  const start = (await drawnNodes(page)).map((node) => node.name);
  expect(start.length).toBeGreaterThan(5);
  for (const name of start.slice(0, 4)) {
    await clickNode(page, name);
    await page.waitForTimeout(400);
  }
  expect(await selectedNames(page)).toEqual([start[3]]);
  await page.waitForFunction((name) => document.querySelector('[data-testid="inspector-title"]')?.textContent === name, start[3]);
  await page.keyboard.press('Delete');
  await waitForNodeCount(page, start.length - 1);
  expect(await names(page)).toEqual(start.filter((name) => name !== start[3]).sort());
  expect(errors).toEqual([]);
});

test('two quick clicks on two different nodes are two clicks, not a double-click: nothing is expanded', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await searchAndPick(page, 'Alibaba', 'Alibaba Group Holding Ltd');
  await waitForNodeCount(page, 2);
  const start = (await drawnNodes(page)).map((node) => node.name);
  // (Cytoscape took any two clicks within its debounce time for a double-click on the second node.)
  await page.waitForTimeout(800);
  const points = await page.evaluate((names) => {
    const cy = window.fingraph.cy as unknown as { nodes(): Array<{ data(key: string): string; renderedPosition(): { x: number; y: number } }>; container(): HTMLElement };
    const rect = cy.container().getBoundingClientRect();
    return names.map((name) => {
      const at = cy.nodes().find((node) => node.data('name') === name)!.renderedPosition();
      return { x: rect.left + at.x, y: rect.top + at.y };
    });
  }, start.slice(0, 2));
  await page.mouse.click(points[0]!.x, points[0]!.y);
  await page.mouse.click(points[1]!.x, points[1]!.y);
  await page.waitForTimeout(800);
  await waitForRequests(page);
  expect((await names(page)).length).toBe(start.length);
  expect(await selectedNames(page)).toEqual([start[1]]);
  expect(errors).toEqual([]);
});

test('Shift+click adds to the selection, the inspector lists it, and H hides exactly those nodes', async () => {
  const { page, errors } = await open();
  const start = (await drawnNodes(page)).map((node) => node.name);
  await clickNode(page, start[0]!);
  await page.waitForTimeout(400);
  await shiftClick(page, start[1]!);
  await page.waitForTimeout(400);
  await shiftClick(page, start[2]!);
  expect(await selectedNames(page)).toEqual(start.slice(0, 3).sort());
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent === '3 nodes selected');
  expect((await page.locator('[data-testid="selection-list"] li').allTextContents()).sort()).toEqual(start.slice(0, 3).sort());
  await screenshot(page, 'selection-three-nodes');
  // Shift+click on a selected node takes it away again.
  await shiftClick(page, start[2]!);
  expect(await selectedNames(page)).toEqual(start.slice(0, 2).sort());
  await page.keyboard.press('h');
  await page.waitForFunction(() => window.fingraph.cy.nodes(':visible').length === window.fingraph.cy.nodes().length - 2);
  const hidden = await page.evaluate(() => window.fingraph.cy.nodes(':hidden').map((node) => String(node.data('name'))).sort());
  expect(hidden).toEqual(start.slice(0, 2).sort());
  expect(errors).toEqual([]);
});

test('Ctrl+click and Cmd+click add to the selection as Shift+click does', async () => {
  const { page, errors } = await open();
  const start = (await drawnNodes(page)).map((node) => node.name);
  await clickNode(page, start[0]!);
  await page.waitForTimeout(400);
  for (const [key, name] of [['Control', start[1]!], ['Meta', start[2]!]] as const) {
    await page.keyboard.down(key);
    await clickNode(page, name);
    await page.keyboard.up(key);
    await page.waitForTimeout(400);
  }
  expect(await selectedNames(page)).toEqual(start.slice(0, 3).sort());
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent === '3 nodes selected');
  expect(errors).toEqual([]);
});

test('Shift+drag on the background selects the nodes inside the box, and the inspector lists exactly those', async () => {
  const { page, errors } = await open();
  // A box from a background point near the canvas's top left to the middle of the drawn nodes.
  const plan = await page.evaluate(() => {
    const cy = window.fingraph.cy;
    const rect = cy.container()!.getBoundingClientRect();
    const renderer = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): unknown } }).renderer();
    const pan = cy.pan();
    const zoom = cy.zoom();
    const nodes = cy.nodes(':visible').map((node) => ({ name: String(node.data('name')), at: node.renderedPosition(), body: node.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) }));
    const xs = nodes.map((node) => node.at.x).sort((a, b) => a - b);
    const ys = nodes.map((node) => node.at.y).sort((a, b) => a - b);
    const end = { x: xs[Math.floor(xs.length / 2)]! + 1, y: ys[Math.floor(ys.length / 2)]! + 1 };
    const free = (x: number, y: number): boolean => {
      const top = document.elementFromPoint(rect.left + x, rect.top + y);
      return !!top && cy.container()!.contains(top) && renderer.findNearestElement((x - pan.x) / zoom, (y - pan.y) / zoom, true, false) == null;
    };
    // The background point above and left of the middle that puts the most nodes in the box.
    let best: { from: { x: number; y: number }; to: { x: number; y: number }; inside: string[]; total: number } | null = null;
    for (let x = 4; x < end.x - 20; x += 8) {
      for (let y = 4; y < end.y - 20; y += 8) {
        if (!free(x, y)) continue;
        // Cytoscape selects the nodes whose shape lies wholly inside the box.
        const inside = nodes.filter((node) => node.body.x1 >= x && node.body.x2 <= end.x && node.body.y1 >= y && node.body.y2 <= end.y).map((node) => node.name).sort();
        if (!best || inside.length > best.inside.length) best = { from: { x: rect.left + x, y: rect.top + y }, to: { x: rect.left + end.x, y: rect.top + end.y }, inside, total: nodes.length };
      }
    }
    return best;
  });
  expect(plan).not.toBeNull();
  expect(plan!.inside.length).toBeGreaterThanOrEqual(2);
  expect(plan!.inside.length).toBeLessThan(plan!.total);
  const pan = await page.evaluate(() => ({ ...window.fingraph.cy.pan() }));
  await page.keyboard.down('Shift');
  await page.mouse.move(plan!.from.x, plan!.from.y);
  await page.mouse.down();
  await page.mouse.move((plan!.from.x + plan!.to.x) / 2, (plan!.from.y + plan!.to.y) / 2, { steps: 5 });
  await page.mouse.move(plan!.to.x, plan!.to.y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForFunction((count) => document.querySelector('[data-testid="inspector-title"]')?.textContent === `${count} nodes selected`, plan!.inside.length);
  expect(await selectedNames(page)).toEqual(plan!.inside);
  expect((await page.locator('[data-testid="selection-list"] li').allTextContents()).sort()).toEqual(plan!.inside);
  // The drag drew a box: it did not pan the view.
  expect(await page.evaluate(() => ({ ...window.fingraph.cy.pan() }))).toEqual(pan);
  expect(errors).toEqual([]);
});

test('a double-click selects the node it expands; C with two nodes selected collapses both in one step', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await waitForNodeCount(page, 1);
  await clickNode(page, 'Tencent Holdings Ltd', { double: true, gapMs: 120 });
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 2);
  await waitForRequests(page);
  expect(await selectedNames(page)).toEqual(['Tencent Holdings Ltd']);
  const afterTencent = await names(page);
  expect(afterTencent.length).toBeGreaterThan(2);
  const other = 'Alibaba Group Holding Ltd';
  expect(afterTencent).toContain(other);
  await page.waitForTimeout(400);
  await clickNode(page, other, { double: true, gapMs: 120 });
  await page.waitForFunction((before) => window.fingraph.cy.nodes().length > before, afterTencent.length);
  await waitForRequests(page);
  expect(await selectedNames(page)).toEqual([other]);
  const expanded = await names(page);
  expect(expanded.length).toBeGreaterThan(afterTencent.length);
  await page.waitForTimeout(400);
  await shiftClick(page, 'Tencent Holdings Ltd');
  expect(await selectedNames(page)).toEqual([other, 'Tencent Holdings Ltd']);
  await page.keyboard.press('c');
  // What both expansions added goes, as far as collapsing allows (a node joined to one that stays,
  // stays): fewer nodes than after either expansion, in one step.
  await page.waitForFunction((before) => window.fingraph.cy.nodes().length < before, afterTencent.length);
  expect(await names(page)).toContain('Tencent Holdings Ltd');
  // One undo step brings back what both expansions had added.
  await page.keyboard.press('Control+z');
  await waitForNodeCount(page, expanded.length);
  expect(errors).toEqual([]);
});

test('pinned and selected look different on the canvas', async () => {
  const { page, errors } = await open();
  const [first, second] = (await drawnNodes(page)).map((node) => node.name);
  await clickNode(page, first!);
  await page.keyboard.press('p');
  await page.waitForTimeout(300);
  await clickNode(page, second!);
  await page.waitForTimeout(300);
  const looks = await page.evaluate(
    ([pinned, selected]) => {
      const look = (id: string) => {
        const node = window.fingraph.cy.getElementById(id);
        return { border: node.style('border-style'), borderColor: node.style('border-color'), halo: Number(node.style('underlay-opacity')), selected: node.selected() };
      };
      return { pinned: look(pinned!), selected: look(selected!) };
    },
    [await nodeId(page, first!), await nodeId(page, second!)],
  );
  expect(looks.pinned).toMatchObject({ border: 'double', halo: 0, selected: false });
  expect(looks.selected.selected).toBe(true);
  expect(looks.selected.border).toBe('solid');
  expect(looks.selected.halo).toBeGreaterThan(0);
  expect(looks.selected.borderColor).not.toBe(looks.pinned.borderColor);
  await screenshot(page, 'selection-pinned-and-selected');
  expect(errors).toEqual([]);
});

test('regression (issue 15): a click on the background takes the path highlight away without an undo step', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await findPathsBetween(page, { text: 'Huaxia', name: 'Huaxia Bank Co Ltd' }, { text: 'WeBank', name: 'WeBank' });
  await page.waitForFunction(() => window.fingraph.cy.nodes().map((node) => node.hasClass('highlighted')).includes(true));
  const box = (await page.locator('#graph').boundingBox())!;
  await page.mouse.click(box.x + 8, box.y + box.height / 2);
  await page.waitForFunction(() => !window.fingraph.cy.nodes().map((node) => node.hasClass('highlighted')).includes(true));
  // One undo takes the path's nodes away: clearing the highlight was not a step of its own.
  await page.click('#undo');
  await waitForNodeCount(page, 0);
  expect(errors).toEqual([]);
});
