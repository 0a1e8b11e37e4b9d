/**
 * Completion in the console's Cypher editor, as a user meets it in Chromium on the seed data: a
 * label, a relationship type, a property key, a function and a parameter, accepted with Enter, Tab
 * or a click, replace only the word being typed. Regression: `MATCH (c:Com` + Enter gave
 * `MATCH (cCompany)`, `(:Ba` gave `(Bank)`, `[:PART` gave `[PARTNERS_WITH]`, and `toUp` offered nothing.
 */
import type { Page } from 'playwright-core';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitReady } from '../support/explorer-page';

const context = useBrowserApp();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await openPage(context.browser, context.app.url));
  await waitReady(page);
  await page.click('#console-toggle');
  await page.waitForSelector('[data-testid="cypher-editor"]');
  // The editor completes from the schema the console reads when it opens.
  await page.waitForSelector('[data-schema="loaded"]');
});

afterAll(() => {
  expect(errors).toEqual([]);
});

async function editorText(): Promise<string> {
  return (await page.locator('[data-testid="cypher-editor"] .cm-line').allTextContents()).join('\n');
}

/** Clears the editor and types `text` key by key; waits for the suggestion `label` in the list. */
async function typeUntilOffered(text: string, label: string): Promise<void> {
  await page.click('[data-testid="cypher-editor"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 15 });
  await page.locator('.cm-tooltip-autocomplete li', { hasText: label }).first().waitFor();
  // CodeMirror ignores Enter and Tab for 75 ms after the list changes (so that a key meant for the
  // text is not taken by a list that just appeared); a person reads the list first.
  await page.waitForTimeout(150);
}

async function accept(key: 'Enter' | 'Tab'): Promise<string> {
  await page.keyboard.press(key);
  await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
  return editorText();
}

test('a label after a variable and a colon, accepted with Enter, keeps the variable and the colon', async () => {
  await typeUntilOffered('MATCH (c:Com', 'Company');
  expect(await accept('Enter')).toBe('MATCH (c:Company)');
});

test('a label after a bare colon, accepted with Tab, keeps the colon', async () => {
  await typeUntilOffered('MATCH (:Ba', 'Bank');
  expect(await accept('Tab')).toBe('MATCH (:Bank)');
});

test('a relationship type picked with a click keeps the colon and the brackets', async () => {
  await typeUntilOffered('MATCH ()-[:PART', 'PARTNERS_WITH');
  await page.locator('.cm-tooltip-autocomplete li', { hasText: 'PARTNERS_WITH' }).first().click();
  await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
  expect(await editorText()).toBe('MATCH ()-[:PARTNERS_WITH]');
});

test('a property key after a variable and a dot', async () => {
  await typeUntilOffered('MATCH (n) RETURN n.ali', 'aliases');
  expect(await accept('Enter')).toBe('MATCH (n) RETURN n.aliases');
});

test('a function by its first letters', async () => {
  await typeUntilOffered('RETURN toUp', 'toUpper');
  expect(await accept('Enter')).toBe('RETURN toUpper');
});

test('a parameter of the parameters box after a dollar sign keeps the dollar sign', async () => {
  await page.fill('[data-testid="console-params"]', '{"fromId": "tencent"}');
  await typeUntilOffered('MATCH (a {id: $fr', 'fromId');
  expect(await accept('Enter')).toBe('MATCH (a {id: $fromId})');
});

test('a query written with completions runs and counts the label it completed', async () => {
  await typeUntilOffered('MATCH (c:Ba', 'Bank');
  await accept('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' RETURN count(c) AS banks', { delay: 5 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
  await page.locator('[data-testid="console-table"] th', { hasText: 'banks' }).waitFor();
  expect(await editorText()).toBe('MATCH (c:Bank) RETURN count(c) AS banks');
  await page.locator('[data-testid="console-table"] td.numeric').first().waitFor();
  // The seed has five banks.
  expect(await page.locator('[data-testid="console-table"] td.numeric').first().textContent()).toBe('5');
});
