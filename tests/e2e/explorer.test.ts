/**
 * The explorer as an analyst uses it, in Debian's Chromium on the seed data: search, expand, read
 * evidence, expand one type, page a large node, undo, find a path, share, export. Screenshots go
 * to test-results/screenshots.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import {
  clickEdge,
  clickNode,
  drawnEdges,
  drawnNodes,
  emptyCanvas,
  findPathsBetween,
  names,
  nodeId,
  searchAndPick,
  waitForNode,
  waitForNodeCount,
  waitForRequests,
  waitReady,
} from '../support/explorer-page';

const HUB_SPOKES = 340;

// Generated data on top of the seed: a company with 340 partner banks, and a node whose name is markup.
const context = useBrowserApp(async (database) => {
  await database.runStatement(
    `CREATE (hub:Company {id: 'e2e-hub', name: 'Megahub Holdings'})
     WITH hub UNWIND range(1, $spokes) AS i
     CREATE (hub)-[:PARTNERS_WITH]->(:Bank {id: 'e2e-bank-' + i, name: 'Spoke Bank ' + i})`,
    { spokes: HUB_SPOKES },
  );
  await database.runStatement(`CREATE (:Company {id: 'e2e-markup', name: '<img src=x onerror=alert(1)> Markup Ltd', description: '<b>bold</b> & <script>alert(2)</script>'})`);
  await database.runStatement('CALL db.awaitIndexes(60)');
});

async function open(url = context.app.url): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, url);
  opened.page.on('dialog', (dialog) => {
    opened.errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

test('search "Tencent", expand it, see Huaxia Bank appear, open the edge and read its quote', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await page.fill('#search', 'tencnt');
  await page.locator('.search-hit').first().waitFor();
  const hits = await page.locator('.search-hit').allTextContents();
  expect(hits[0]).toContain('Tencent Holdings Ltd');
  expect(hits[0]).toContain('Company');
  await page.keyboard.press('Enter');
  await waitForNode(page, 'Tencent Holdings Ltd');
  await page.waitForSelector('[data-testid="relationship-groups"]');
  const before = await drawnNodes(page);
  await clickNode(page, 'Tencent Holdings Ltd', { double: true });
  await waitForNode(page, 'Huaxia Bank Co Ltd');
  const after = await drawnNodes(page);
  expect(after.map((node) => node.name)).toEqual(expect.arrayContaining(['Huaxia Bank Co Ltd', 'WeBank', 'Alibaba Group Holding Ltd', 'Baidu Inc']));
  // The anchor stayed where it was; the new nodes sit around it.
  const tencent = after.find((node) => node.name === 'Tencent Holdings Ltd')!;
  expect(tencent).toMatchObject({ x: before[0]!.x, y: before[0]!.y });
  for (const node of after) expect(Math.hypot(node.x - tencent.x, node.y - tencent.y)).toBeLessThan(600);
  // Relationships between the new nodes are drawn too (Alibaba and Baidu compete).
  await page.waitForFunction(() => window.fingraph.cy.edges().map((edge) => edge.data('type')).filter((type) => type === 'COMPETES_WITH').length >= 4);

  const huaxia = await nodeId(page, 'Huaxia Bank Co Ltd');
  const edge = (await drawnEdges(page)).find((each) => each.type === 'PARTNERS_WITH' && each.target === huaxia)!;
  await clickEdge(page, edge.id);
  await page.waitForSelector('[data-testid="evidence"]');
  const evidence = await page.textContent('[data-testid="evidence"]');
  expect(evidence).toContain('The latest such partnership is between Tencent Holdings Ltd and Huaxia Bank Co Ltd');
  expect(await page.textContent('[data-testid="inspector-title"]')).toBe('PARTNERS_WITH');
  await screenshot(page, 'explorer-expand-and-evidence');
  expect(errors).toEqual([]);
});

test('expand by one type only from the context menu; undo and redo; collapse', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await clickNode(page, 'Tencent Holdings Ltd', { button: 'right' });
  const item = page.locator('[data-testid="menu-expand-PARTNERS_WITH-out"]');
  await item.waitFor();
  expect(await item.textContent()).toBe('PARTNERS_WITH → (1)');
  await screenshot(page, 'explorer-context-menu');
  await item.click();
  await waitForNodeCount(page, 2);
  expect(await names(page)).toEqual(['Huaxia Bank Co Ltd', 'Tencent Holdings Ltd']);

  await page.keyboard.press('Control+z');
  await waitForNodeCount(page, 1);
  await page.keyboard.press('Control+Shift+z');
  await waitForNodeCount(page, 2);
  // Undo goes back step by step, to the empty canvas and then to the start view.
  await page.click('#undo');
  await page.click('#undo');
  await waitForNodeCount(page, 0);
  await page.click('#redo');
  await page.click('#redo');
  await waitForNodeCount(page, 2);

  await clickNode(page, 'Tencent Holdings Ltd', { button: 'right' });
  await page.locator('[data-testid="menu-collapse"]').click();
  await waitForNodeCount(page, 1);
  expect(errors).toEqual([]);
});

test('page through a node with 340 neighbours: 25 at a time, "25 more of 340"', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Megahub', 'Megahub Holdings');
  await clickNode(page, 'Megahub Holdings', { double: true });
  await waitForNodeCount(page, 26);
  const more = page.locator('[data-testid="more"]').first();
  await more.waitFor();
  expect(await more.textContent()).toBe(`25 more of ${HUB_SPOKES}`);
  await more.click();
  await waitForNodeCount(page, 51);
  // Double-clicking again pulls the next page too.
  await clickNode(page, 'Megahub Holdings', { double: true });
  await waitForNodeCount(page, 76);
  const drawn = await drawnNodes(page);
  expect(new Set(drawn.map((node) => node.name)).size).toBe(76);
  // No two nodes on top of each other.
  for (const a of drawn) for (const b of drawn) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(20);
  await screenshot(page, 'explorer-paging');
  expect(errors).toEqual([]);
});

test('a click reads ahead the page a double-click would expand: the expansion does not ask again', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Megahub', 'Megahub Holdings');
  await page.waitForSelector('[data-testid="relationship-groups"]');
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/neighbors')) asked.push(new URL(request.url()).search);
  });
  // A click alone reads the first page and changes nothing on the canvas.
  await clickNode(page, 'Megahub Holdings');
  // (Longer than the 400 ms within which two clicks are a double-click.)
  await page.waitForTimeout(550);
  expect(asked).toHaveLength(1);
  expect(asked[0]).not.toContain('cursor');
  expect((await drawnNodes(page)).length).toBe(1);
  // A person's double-click soon after (clicks 60 ms apart: well inside the 400 ms in which the
  // canvas takes two clicks as one double-click, even on a slow machine): the page read ahead is the one
  // expanded, not asked for again.
  await clickNode(page, 'Megahub Holdings', { double: true, gapMs: 60 });
  await waitForNodeCount(page, 26);
  await waitForRequests(page);
  expect(asked).toHaveLength(1);
  // A page read ahead too long ago is not used: the expansion asks for the next page afresh.
  await clickNode(page, 'Megahub Holdings');
  await page.waitForTimeout(2_300);
  expect(asked).toHaveLength(2);
  expect(asked[1]).toContain('cursor');
  await clickNode(page, 'Megahub Holdings', { double: true });
  await waitForNodeCount(page, 51);
  expect(asked).toHaveLength(3);
  expect(asked[2]).toBe(asked[1]);
  expect(new Set((await drawnNodes(page)).map((node) => node.name)).size).toBe(51);
  expect(errors).toEqual([]);
});

test('find the shortest path between two banks, highlighted', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await findPathsBetween(page, { text: 'Huaxia', name: 'Huaxia Bank Co Ltd' }, { text: 'WeBank', name: 'WeBank' });
  await page.waitForFunction(() => /shortest path/.test(document.querySelector('[data-testid="path-result"]')?.textContent ?? ''));
  expect(await page.textContent('[data-testid="path-result"]')).toBe('1 shortest path of 2 hops between Huaxia Bank Co Ltd and WeBank.');
  expect(await names(page)).toEqual(['Huaxia Bank Co Ltd', 'Tencent Holdings Ltd', 'WeBank']);
  const lit = await page.evaluate(() => window.fingraph.cy.nodes().map((node) => node.hasClass('highlighted')));
  expect(lit).toEqual([true, true, true]);
  await screenshot(page, 'explorer-path');

  // None within 1 hop.
  await page.selectOption('#path-hops', '1');
  await page.click('#path-find');
  await page.waitForFunction(() => /No path/.test(document.querySelector('[data-testid="path-result"]')?.textContent ?? ''));
  expect(await page.textContent('[data-testid="path-result"]')).toContain('within 1 hop.');
  expect(errors).toEqual([]);
});

test('a shared URL reopens the same view: nodes, positions, pins and filters', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await clickNode(page, 'Tencent Holdings Ltd', { double: true });
  await waitForNode(page, 'Huaxia Bank Co Ltd');
  await clickNode(page, 'WeBank', { button: 'right' });
  await page.locator('[data-testid="menu-pin"]').click();
  await page.locator('[data-testid="legend-type-COMPETES_WITH"]').uncheck();
  await page.waitForFunction(() => location.hash.startsWith('#view='));
  await page.waitForTimeout(300);
  const url = page.url();
  const before = await drawnNodes(page);
  const hiddenBefore = (await drawnEdges(page)).filter((edge) => !edge.visible).map((edge) => edge.type);
  expect(hiddenBefore.length).toBeGreaterThan(0);
  expect(new Set(hiddenBefore)).toEqual(new Set(['COMPETES_WITH']));

  const reopened = await open(url);
  await waitReady(reopened.page);
  const after = await drawnNodes(reopened.page);
  const round = (nodes: typeof before): unknown[] => nodes.map((node) => ({ ...node, x: Math.round(node.x), y: Math.round(node.y) })).sort((a, b) => a.id.localeCompare(b.id));
  expect(round(after)).toEqual(round(before));
  expect(await reopened.page.isChecked('[data-testid="legend-type-COMPETES_WITH"]')).toBe(false);
  expect((await drawnEdges(reopened.page)).filter((edge) => !edge.visible).map((edge) => edge.type).sort()).toEqual(hiddenBefore.sort());
  const pinned = await reopened.page.evaluate(() => window.fingraph.cy.nodes('.pinned').map((node) => node.data('name')));
  expect(pinned).toEqual(['WeBank']);
  await screenshot(reopened.page, 'explorer-shared-view');
  expect([...errors, ...reopened.errors]).toEqual([]);
});

test('export the view as PNG, SVG and JSON', async () => {
  const { page, errors } = await open();
  await waitReady(page);
  const files: Record<string, Buffer> = {};
  for (const kind of ['png', 'svg', 'json']) {
    await page.click('.export summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#export-${kind}`)]);
    const file = await download.path();
    files[kind] = fs.readFileSync(file!);
    expect(download.suggestedFilename()).toBe(`fingraph-view.${kind}`);
  }
  expect(files.png!.subarray(1, 4).toString()).toBe('PNG');
  expect(files.png!.length).toBeGreaterThan(20_000);
  expect(files.svg!.toString()).toContain('<svg');
  const json = JSON.parse(files.json!.toString()) as { nodes: Array<{ properties: { name: string }; position: unknown }>; relationships: unknown[] };
  expect(json.nodes.map((node) => node.properties.name)).toEqual(expect.arrayContaining(['Tencent Holdings Ltd']));
  expect(json.nodes.every((node) => node.position !== null)).toBe(true);
  expect(json.relationships.length).toBeGreaterThan(10);
  expect(errors).toEqual([]);
});

test('text from the database shows as text, never as markup', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Markup', '<img src=x onerror=alert(1)> Markup Ltd');
  await page.waitForSelector('[data-testid="inspector-title"]');
  expect(await page.textContent('[data-testid="inspector-title"]')).toBe('<img src=x onerror=alert(1)> Markup Ltd');
  expect(await page.locator('#inspector img, #inspector script, #inspector b').count()).toBe(0);
  expect(await page.textContent('#inspector')).toContain('<b>bold</b> & <script>alert(2)</script>');
  await page.fill('#search', 'Markup');
  await page.locator('.search-hit').first().waitFor();
  expect(await page.locator('.search-results img').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
});

test('a slow expansion marks its node and shows the progress bar until the neighbours are drawn', async () => {
  const { page, errors } = await open();
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  // Nothing else in flight (the node's details, its relationships to the canvas): the indicators are the expansion's.
  await page.waitForSelector('[data-testid="relationship-groups"]');
  await waitForRequests(page);
  await page.route('**/api/nodes/*/neighbors*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const id = await nodeId(page, 'Tencent Holdings Ltd');
  await clickNode(page, 'Tencent Holdings Ltd', { double: true });
  // Quick answers show nothing (it would only flicker); this one is slow, so both indicators appear.
  // (The page was read ahead at the first click: waiting for it counts as loading all the same.)
  await page.waitForFunction((id) => window.fingraph.cy.getElementById(id).hasClass('loading'), id, { timeout: 1_200 });
  await page.waitForSelector('#progress', { state: 'visible', timeout: 1_200 });
  await waitForNode(page, 'Huaxia Bank Co Ltd');
  await waitForRequests(page);
  expect(await page.evaluate((id) => window.fingraph.cy.getElementById(id).hasClass('loading'), id)).toBe(false);
  expect(await page.isVisible('#progress')).toBe(false);
  await page.unroute('**/api/nodes/*/neighbors*');
  expect(errors).toEqual([]);
});

test('an API failure shows an error message and leaves the canvas as it was', async () => {
  const { page, errors } = await open();
  await waitReady(page);
  const count = (await drawnNodes(page)).length;
  await page.route('**/api/nodes/*/neighbors*', (route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Neo4j is not reachable.' }) }),
  );
  await clickNode(page, 'Xiaomi', { double: true });
  const toast = page.locator('[data-testid="toast-error"]');
  await toast.waitFor();
  expect(await toast.textContent()).toContain('Could not expand Xiaomi: Neo4j is not reachable.');
  expect((await drawnNodes(page)).length).toBe(count);
  await page.unroute('**/api/nodes/*/neighbors*');
  await screenshot(page, 'explorer-error');
  // The browser reports the 503 itself; nothing else may go wrong.
  expect(errors.filter((error) => !error.includes('503'))).toEqual([]);
});
