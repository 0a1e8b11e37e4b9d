/**
 * Issue 16, stable keys in the address bar: a view shared before `npm run seed -- --reset` (which
 * gives every node a new elementId) opens the same nodes, where they were, after it.
 */
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import type { Page } from 'playwright-core';
import { clickNode, drawnNodes, emptyCanvas, searchAndPick, waitForNode, waitReady, type DrawnNode } from '../support/explorer-page';
import { loadSeedDataset, writeDataset } from '../../server/seed';

const context = useBrowserApp();

/** The node entries of a `#view=` link: id, x, y (rounded) and the stable key where one was written. */
function linkNodes(link: string): Array<{ id: string; x: number | null; y: number | null; key: string | undefined }> {
  const text = new URL(link).hash.replace(/^#view=/, '');
  const encoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { p: string; n: Array<[string, number | null, number | null, number, string?]> };
  return encoded.n.map(([suffix, x, y, , key]) => ({ id: encoded.p + suffix, x, y, key }));
}

/** The page's link once it holds every drawn node where it is drawn (the layout has ended and the URL caught up). */
async function settledLink(page: Page): Promise<{ link: string; nodes: DrawnNode[] }> {
  for (;;) {
    const nodes = await drawnNodes(page);
    const link = page.url();
    if (link.includes('#view=')) {
      const entries = new Map(linkNodes(link).map((entry) => [entry.id, entry]));
      if (nodes.length > 1 && nodes.every((node) => entries.get(node.id)?.x === Math.round(node.x) && entries.get(node.id)?.y === Math.round(node.y))) return { link, nodes };
    }
    await page.waitForTimeout(100);
  }
}

test('a link shared before a reseed opens the same view after it', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await clickNode(page, 'Tencent Holdings Ltd', { double: true });
  await waitForNode(page, 'Huaxia Bank Co Ltd');
  const { link, nodes: before } = await settledLink(page);
  const ids = before.map((node) => node.id);
  expect(linkNodes(link).map((entry) => entry.key)).toEqual(expect.arrayContaining(['tencent', 'huaxia-bank']));

  // What `npm run seed -- --reset` does: everything deleted and written again in one transaction.
  await writeDataset(context.database, loadSeedDataset(), { reset: true });
  const stillThere = await context.database.runStatement('MATCH (n) WHERE elementId(n) IN $ids RETURN count(n) AS count', { ids });
  expect(Number(stillThere.records[0]?.get('count'))).toBe(0);

  const reopened = await openPage(context.browser, link);
  await waitReady(reopened.page);
  await waitForNode(reopened.page, 'Huaxia Bank Co Ltd');
  const after = await drawnNodes(reopened.page);
  const placed = (nodes: typeof before) => nodes.map((node) => ({ name: node.name, x: Math.round(node.x), y: Math.round(node.y) })).sort((a, b) => a.name.localeCompare(b.name));
  expect(placed(after)).toEqual(placed(before));
  expect(after.map((node) => node.id).some((id) => ids.includes(id))).toBe(false);
  expect(await reopened.page.locator('.toast').allTextContents()).not.toContainEqual(expect.stringContaining('no longer exist'));
  expect([...errors, ...reopened.errors]).toEqual([]);
});
