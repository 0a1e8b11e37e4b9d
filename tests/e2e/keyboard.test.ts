/**
 * The canvas from the keyboard (issue 15, "Keyboard and assistive technology"): Tab brings the focus
 * to the canvas (a ring round it and round the focused node); the arrow keys move to the nearest node
 * in their direction, the node's graph neighbours first; Tab and Shift+Tab go through the visible
 * nodes in reading order and then leave the canvas; Enter selects the node and opens it in the
 * inspector, after which the existing keys (P, H, Del…) act on it; the context-menu key and Shift+F10
 * open its menu, driven by the arrows, Enter and Escape (which gives the focus back to the canvas).
 * A text alternative lists what the canvas shows and follows it.
 *
 * Each test opens a view whose positions it chooses (a shared link), so that which node lies where is
 * known: H (the start view's most connected node) at the origin, M (not its neighbour) close to its
 * right, N (its neighbour) further right on nearly the same row, K (not its neighbour) below H.
 */
import type { Page } from 'playwright-core';
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { drawnEdges, drawnNodes, waitForNodeCount, waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

interface Cast {
  H: { id: string; name: string };
  M: { id: string; name: string };
  N: { id: string; name: string };
  K: { id: string; name: string };
}

let cast: Cast;
let viewUrl: string;

/** The shared-link text for nodes at chosen positions (the format of client/src/state/url.ts). */
function viewText(nodes: Array<{ id: string; x: number; y: number }>): string {
  const encoded = { v: 1, p: '', n: nodes.map((node) => [node.id, node.x, node.y, 0]), l: 'fcose' };
  return Buffer.from(JSON.stringify(encoded)).toString('base64url');
}

beforeAll(async () => {
  // The start view says who is connected to whom.
  const { page } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  const nodes = await drawnNodes(page);
  const edges = await drawnEdges(page);
  await page.close();
  const neighbours = (id: string): Set<string> => new Set(edges.flatMap((edge) => (edge.source === id ? [edge.target] : edge.target === id ? [edge.source] : [])));
  const hub = [...nodes].sort((a, b) => neighbours(b.id).size - neighbours(a.id).size)[0]!;
  const around = neighbours(hub.id);
  const near = nodes.filter((node) => around.has(node.id));
  const far = nodes.filter((node) => node.id !== hub.id && !around.has(node.id));
  if (near.length < 1 || far.length < 2) throw new Error(`The start view has no node with a neighbour and two non-neighbours (hub ${hub.name}).`);
  const who = (node: { id: string; name: string }): { id: string; name: string } => ({ id: node.id, name: node.name });
  cast = { H: who(hub), M: who(far[0]!), N: who(near[0]!), K: who(far[1]!) };
  viewUrl = `${context.app.url}#view=${viewText([
    { id: cast.H.id, x: 0, y: 0 },
    { id: cast.M.id, x: 100, y: 0 },
    { id: cast.N.id, x: 300, y: 10 },
    { id: cast.K.id, x: 0, y: 150 },
  ])}`;
});

async function openCast(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(context.browser, viewUrl, { width: 1280, height: 720 });
  await waitReady(opened.page);
  await waitForNodeCount(opened.page, 4);
  await waitForRequests(opened.page);
  return opened;
}

/** Tab from the control just before the canvas (the theme toggle) brings the focus to the canvas. */
async function tabIntoCanvas(page: Page): Promise<void> {
  await page.focus('#theme-toggle');
  await page.keyboard.press('Tab');
  expect(await activeId(page)).toBe('graph');
}

async function activeId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.id || null);
}

/** The node that has the keyboard's focus (the one with the ring). */
async function focusedNode(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const ringed = (window.fingraph.cy as unknown as { nodes(selector: string): { map<T>(f: (n: { id(): string }) => T): T[] } }).nodes('.keyboard-focus').map((node) => node.id());
    return ringed.length === 1 ? ringed[0]! : ringed.length === 0 ? null : `several: ${ringed.join(', ')}`;
  });
}

async function selectedNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => window.fingraph.cy.nodes(':selected').map((node) => node.id()));
}

test('Tab brings the focus to the canvas with a visible ring; the arrow keys focus a node and move to the nearest in their direction, its neighbours first', async () => {
  const { page, errors } = await openCast();
  await tabIntoCanvas(page);
  const ring = await page.evaluate(() => getComputedStyle(document.getElementById('graph')!).outlineStyle);
  expect(ring).not.toBe('none');
  // No node has the focus yet: the first arrow focuses the one nearest the middle of the view.
  await page.keyboard.press('ArrowLeft');
  const first = await focusedNode(page);
  expect(first).not.toBeNull();
  // From H, Right goes to N, its neighbour, past M, which is nearer but not a neighbour.
  // (Shift+Tab goes back through the reading order to H, the first.)
  for (let i = 0; i < 4 && (await focusedNode(page)) !== cast.H.id; i += 1) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  expect(await focusedNode(page)).toBe(cast.N.id);
  expect(await page.textContent('[data-testid="canvas-announcer"]')).toContain(cast.N.name);
  await screenshot(page, 'keyboard-focus-ring-1280x720');
  // From N, Left: H is N's neighbour, so H (not M, which is nearer).
  await page.keyboard.press('ArrowLeft');
  expect(await focusedNode(page)).toBe(cast.H.id);
  // From H, Down: no neighbour below, so the nearest node there, K.
  await page.keyboard.press('ArrowDown');
  expect(await focusedNode(page)).toBe(cast.K.id);
  // From K, Down: nothing further down; the focus stays and the live region says so.
  await page.keyboard.press('ArrowDown');
  expect(await focusedNode(page)).toBe(cast.K.id);
  expect(await page.textContent('[data-testid="canvas-announcer"]')).toMatch(/^No node down of /);
  // The arrows moved the keyboard's focus, not the selection, and nothing was recorded.
  expect(await selectedNodes(page)).toEqual([]);
  expect(await page.isDisabled('#undo')).toBe(true);
  expect(errors).toEqual([]);
});

test('Tab and Shift+Tab go through the visible nodes in reading order, then leave the canvas', async () => {
  const { page, errors } = await openCast();
  await tabIntoCanvas(page);
  const order = [cast.H.id, cast.M.id, cast.N.id, cast.K.id];
  for (const id of order) {
    await page.keyboard.press('Tab');
    expect(await focusedNode(page)).toBe(id);
    expect(await activeId(page)).toBe('graph');
  }
  // Past the last node the focus leaves the canvas, and no node keeps the ring.
  await page.keyboard.press('Tab');
  expect(await activeId(page)).not.toBe('graph');
  expect(await focusedNode(page)).toBeNull();
  // Back in with Shift+Tab: the last node first, then backwards, then out before the canvas.
  await page.keyboard.press('Shift+Tab');
  expect(await activeId(page)).toBe('graph');
  for (const id of [...order].reverse()) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusedNode(page)).toBe(id);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await activeId(page)).toBe('theme-toggle');
  // A hidden node is not a stop: H hidden (H key on the selection), Tab starts at M.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('h');
  await page.waitForSelector('#show-hidden', { state: 'visible' });
  await page.focus('#theme-toggle');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focusedNode(page)).toBe(cast.M.id);
  expect(errors).toEqual([]);
});

test('Enter selects the focused node alone and opens it in the inspector; the existing keys then act on it', async () => {
  const { page, errors } = await openCast();
  await tabIntoCanvas(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focusedNode(page)).toBe(cast.M.id);
  await page.keyboard.press('Enter');
  expect(await selectedNodes(page)).toEqual([cast.M.id]);
  await page.waitForFunction((name) => document.querySelector('.inspector-title')?.textContent === name, cast.M.name);
  expect(await activeId(page)).toBe('graph');
  // P pins the selection, Del removes it (one undo step each).
  await page.keyboard.press('p');
  await page.waitForFunction((id) => (window.fingraph.cy.getElementById(id) as unknown as { hasClass(c: string): boolean }).hasClass('pinned'), cast.M.id);
  await page.keyboard.press('Delete');
  await waitForNodeCount(page, 3);
  // The focus moves on: Right from H goes to N (M is gone).
  await page.keyboard.press('Tab');
  expect(await focusedNode(page)).toBe(cast.H.id);
  await page.keyboard.press('Enter');
  expect(await selectedNodes(page)).toEqual([cast.H.id]);
  await page.keyboard.press('ArrowRight');
  expect(await focusedNode(page)).toBe(cast.N.id);
  // The selection stays H until Enter.
  expect(await selectedNodes(page)).toEqual([cast.H.id]);
  expect(errors).toEqual([]);
});

test('Shift+F10 and the context-menu key open the focused node\'s menu: arrows move in it, Escape closes it and gives the focus back to the canvas, Enter runs an item', async () => {
  const { page, errors } = await openCast();
  await tabIntoCanvas(page);
  await page.keyboard.press('Tab');
  expect(await focusedNode(page)).toBe(cast.H.id);
  await page.keyboard.press('Shift+F10');
  const menu = page.locator('[data-testid="context-menu"]');
  await menu.waitFor({ state: 'visible' });
  expect(await menu.getAttribute('aria-label')).toBe(cast.H.name);
  // The menu's relationship types come; the focus is on its first item, and the arrows move it.
  await page.waitForSelector('[data-testid="menu-expand-all"]:not([disabled])');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-expand-all');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('menu-expand-all');
  await screenshot(page, 'keyboard-node-menu-1280x720');
  await page.keyboard.press('End');
  // The last item of the menu, whatever sections it has (editing adds its own at the end).
  const lastItem = await menu.locator('[role="menuitem"]:not([disabled])').last().getAttribute('data-testid');
  expect(lastItem).not.toBe('menu-expand-all');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(lastItem);
  await page.keyboard.press('Home');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-expand-all');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  expect(await activeId(page)).toBe('graph');
  expect(await focusedNode(page)).toBe(cast.H.id);

  // The context-menu key; Enter on "Expand all" expands H, and the canvas has the focus again.
  await page.keyboard.press('ContextMenu');
  await menu.waitFor({ state: 'visible' });
  await page.waitForSelector('[data-testid="menu-expand-all"]:not([disabled])');
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 4);
  await waitForRequests(page);
  expect(await activeId(page)).toBe('graph');
  await page.keyboard.press('ArrowUp');
  expect(await focusedNode(page)).not.toBeNull();
  expect(errors).toEqual([]);
});

test('a text alternative lists the nodes and relationships the canvas shows, is the canvas\'s description, follows the canvas, and opens what it lists in the inspector', async () => {
  const { page, errors } = await openCast();
  expect(await page.getAttribute('#graph', 'role')).toBe('application');
  expect(await page.getAttribute('#graph', 'aria-label')).toMatch(/Graph canvas/);
  const describedBy = (await page.getAttribute('#graph', 'aria-describedby'))!;
  const edges = (await drawnEdges(page)).filter((edge) => edge.visible);
  const summary = `The canvas shows 4 nodes and ${edges.length} relationship${edges.length === 1 ? '' : 's'}.`;
  // (It is written once the canvas was painted.)
  await page.waitForFunction(({ id, summary }) => document.getElementById(id)?.textContent === summary, { id: describedBy, summary });
  const listed = async (which: 'nodes' | 'relationships'): Promise<string[]> => page.locator(`[data-testid="text-view-${which}"] li`).allTextContents();
  const nodes = await listed('nodes');
  for (const member of Object.values(cast)) expect(nodes.some((text) => text.startsWith(`${member.name} (`))).toBe(true);
  const names = new Map((await drawnNodes(page)).map((node) => [node.id, node.name]));
  expect((await listed('relationships')).sort()).toEqual(edges.map((edge) => `${names.get(edge.source)} — ${edge.type} → ${names.get(edge.target)}`).sort());
  // Hidden from sight until its button shows it over the canvas.
  expect(await page.locator('[data-testid="text-view"]').evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await page.click('[data-testid="text-view-toggle"]');
  expect(await page.getAttribute('[data-testid="text-view-toggle"]', 'aria-expanded')).toBe('true');
  expect(await page.locator('[data-testid="text-view"]').evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThan(200);
  // It follows the canvas: K hidden, it is no longer listed, and the summary says so.
  await tabIntoCanvas(page);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
  expect(await focusedNode(page)).toBe(cast.K.id);
  await page.keyboard.press('Enter');
  await page.keyboard.press('h');
  await page.waitForFunction((name) => !Array.from(document.querySelectorAll('[data-testid="text-view-nodes"] li')).some((li) => li.textContent?.startsWith(`${name} (`)), cast.K.name);
  expect(await page.textContent(`#${describedBy}`)).toMatch(/^The canvas shows 3 nodes and .* \(1 more node is hidden or filtered out\)\.$/);
  // Each entry opens what it names: a relationship, reached by the keyboard, in the inspector.
  const relationship = page.locator('[data-testid="text-view-relationships"] button').first();
  await relationship.focus();
  await page.keyboard.press('Enter');
  const chosen = (await relationship.getAttribute('data-id'))!;
  await page.waitForFunction((id) => window.fingraph.cy.getElementById(id).selected(), chosen);
  const type = (await drawnEdges(page)).find((edge) => edge.id === chosen)!.type;
  await page.waitForFunction((type) => document.querySelector('[data-testid="inspector-title"]')?.textContent === type, type);
  await page.locator('[data-testid="text-view-nodes"] button').first().click();
  const node = (await page.locator('[data-testid="text-view-nodes"] button').first().getAttribute('data-id'))!;
  await page.waitForFunction((id) => window.fingraph.cy.getElementById(id).selected() && window.fingraph.cy.edges(':selected').length === 0, node);
  expect(errors).toEqual([]);
});
