/**
 * Neo4j stopping under an open page: the UI shows a banner, keeps the canvas, checks by itself and
 * takes the banner away when Neo4j is back, after which the page works again. Its own throwaway
 * Neo4j, which the test stops and starts.
 */
import type { Browser } from 'playwright-core';
import { buildClientIfNeeded, CLIENT_DIST } from '../../server/cli/client-build';
import type { Database } from '../../server/neo4j';
import { launchBrowser, openPage, screenshot } from '../support/browser';
import { loadSeed, openDatabase } from '../support/database';
import { names, searchAndPick, waitReady } from '../support/explorer-page';
import { startApp, type RunningApp } from '../support/http';
import { createThrowawayNeo4j, type ThrowawayNeo4j } from '../support/throwaway-neo4j';

let neo4j: ThrowawayNeo4j;
let database: Database;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  await buildClientIfNeeded(() => undefined);
  neo4j = await createThrowawayNeo4j('ui-outage');
  database = openDatabase(neo4j.connection);
  await loadSeed(database);
  app = await startApp(database, CLIENT_DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  await neo4j?.remove();
});

test('Neo4j stopping shows a banner and keeps the canvas; the banner goes by itself when Neo4j is back, and the page works again', async () => {
  const { page, errors } = await openPage(browser, app.url);
  await waitReady(page);
  const before = await names(page);
  expect(before.length).toBeGreaterThan(10);
  expect(await page.isHidden('[data-testid="outage"]')).toBe(true);

  await neo4j.stop();
  await page.fill('#search', 'tencnt');
  await page.waitForSelector('[data-testid="outage"]:not([hidden])', { timeout: 20_000 });
  expect(await page.textContent('[data-testid="outage"]')).toContain('Neo4j is not reachable.');
  expect(await names(page)).toEqual(before);
  await screenshot(page, 'outage-banner');

  // Watched for from now on, in the page: the message goes after 5 s, and on a busy machine (Neo4j
  // starting takes both cores) this test may get to look later than that.
  const answersAgain = page.waitForSelector('[data-testid="toast-info"]:has-text("Neo4j answers again.")', { state: 'attached', timeout: 60_000 });
  await neo4j.start();
  await answersAgain;
  await page.waitForSelector('[data-testid="outage"][hidden]', { state: 'attached', timeout: 60_000 });
  await page.click('#clear');
  await searchAndPick(page, 'tencnt', 'Tencent Holdings Ltd');
  expect(await names(page)).toEqual(['Tencent Holdings Ltd']);
  // The only errors are the browser's notes of the 503 answers while Neo4j was down.
  expect(errors.filter((error) => !/status of 503/.test(error))).toEqual([]);
});
