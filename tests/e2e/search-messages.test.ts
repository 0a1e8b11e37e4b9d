/**
 * The search box in a user's words, in Chromium on the seed data. Regressions: a 3,000-character
 * search said "Parameter 'q' is 3000 characters long…" (the API's wording) and left the earlier
 * suggestions on screen.
 */
import type { Page } from 'playwright-core';
import { MAX_SEARCH_LENGTH } from '../../server/contract/limits';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitReady } from '../support/explorer-page';

const context = useBrowserApp();

async function open(): Promise<{ page: Page; errors: string[]; searches: string[] }> {
  const opened = await openPage(context.browser, context.app.url);
  const searches: string[] = [];
  opened.page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/search') searches.push(request.url());
  });
  await waitReady(opened.page);
  return { ...opened, searches };
}

test('a search text that is too long says so in the list, asks nothing of the API, and the earlier suggestions go', async () => {
  const { page, errors, searches } = await open();
  await page.fill('#search', 'Tencent');
  await page.locator('.search-hit', { hasText: 'Tencent Holdings Ltd' }).first().waitFor();
  const asked = searches.length;
  await page.fill('#search', 'x'.repeat(3_000));
  const message = page.locator('[data-testid="search-message"]');
  await message.waitFor();
  expect(await message.textContent()).toBe(`Search text is too long (at most ${MAX_SEARCH_LENGTH} characters; this one has 3,000). Shorten it to a name or a few words.`);
  expect(await page.locator('.search-hit').count()).toBe(0);
  expect(searches.length).toBe(asked);
  // Back to a short text: suggestions again.
  await page.fill('#search', 'Huaxia');
  await page.locator('.search-hit', { hasText: 'Huaxia Bank Co Ltd' }).first().waitFor();
  expect(await message.count()).toBe(0);
  expect(errors).toEqual([]);
});

test('a search that finds nothing says so, and no suggestion of the text before it stays', async () => {
  const { page, errors } = await open();
  await page.fill('#search', 'Tencent');
  await page.locator('.search-hit', { hasText: 'Tencent Holdings Ltd' }).first().waitFor();
  await page.fill('#search', 'Qwzxv Holdings');
  await page.waitForFunction(() => /Nothing matches/.test(document.querySelector('[data-testid="search-message"]')?.textContent ?? ''));
  expect(await page.locator('.search-hit').count()).toBe(0);
  expect(errors).toEqual([]);
});
