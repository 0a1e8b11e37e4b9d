/**
 * Assistive technology (issue 15): axe-core (through @axe-core/playwright) finds no serious or
 * critical violation on the explorer with a graph, with the canvas's text view shown, with the
 * console drawer open, with a node's menu open, and with the inspector on a node and on a
 * relationship (its label chips, neighbours and evidence), in the light and the dark theme. Each run's counts by impact are printed (the report
 * quotes them); minor and moderate findings are printed, not failed on.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../support/browser-app';
import { clickEdge, clickNode, drawnEdges, drawnNodes, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

type Theme = 'light' | 'dark';

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** axe's words for the first element (the colours and ratio of a contrast failure, say). */
  why: string;
}

/** axe's violations on the page as it is, with their impact and the elements they are on. */
async function audit(page: Page): Promise<Finding[]> {
  const run = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // axe walks the DOM while the page may still redraw a part of it (the editor's lint marks): once
  // more if it fell over a node that went away meanwhile.
  const results = await run().catch(run);
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
    why: violation.nodes[0]?.failureSummary ?? '',
  }));
}

function countsByImpact(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const finding of findings) counts[finding.impact] = (counts[finding.impact] ?? 0) + finding.targets.length;
  return counts;
}

/** Fails on the serious and critical findings (named with their elements), prints every count. */
function expectNoSeriousViolation(where: string, findings: Finding[]): void {
  // (The report quotes these lines.)
  process.stdout.write(`axe ${where}: ${JSON.stringify(countsByImpact(findings))}${findings.length > 0 ? ` ${findings.map((f) => `${f.id}(${f.impact})`).join(' ')}` : ''}\n`);
  const grave = findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
  expect({ where, grave }).toEqual({ where, grave: [] });
}

/** The explorer in a page of its own browser context (AxeBuilder needs one), in `theme`. */
async function openExplorer(theme: Theme): Promise<{ page: Page; errors: string[] }> {
  const browser = await context.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.goto(context.app.url);
  const opened = { page, errors };
  await waitReady(opened.page);
  const current = await opened.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
  if (current !== theme) await opened.page.click('#theme-toggle');
  await opened.page.waitForFunction((theme) => (document.documentElement.dataset.theme ?? 'light') === theme, theme);
  return opened;
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on the explorer with a graph (${theme} theme)`, async () => {
    const { page, errors } = await openExplorer(theme);
    expect((await drawnNodes(page)).length).toBeGreaterThan(0);
    expectNoSeriousViolation(`explorer ${theme}`, await audit(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test(`no serious or critical axe violation with the canvas's text view shown, the keyboard on a node (${theme} theme)`, async () => {
    const { page, errors } = await openExplorer(theme);
    await page.click('[data-testid="text-view-toggle"]');
    await page.waitForSelector('[data-testid="text-view-nodes"] li');
    await page.focus('#theme-toggle');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expectNoSeriousViolation(`text view ${theme}`, await audit(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test(`no serious or critical axe violation with the console drawer open (${theme} theme)`, async () => {
    const { page, errors } = await openExplorer(theme);
    await page.keyboard.press('q');
    await page.waitForSelector('[data-testid="cypher-editor"]');
    expectNoSeriousViolation(`console ${theme}`, await audit(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test(`no serious or critical axe violation with a node's menu open (${theme} theme)`, async () => {
    const { page, errors } = await openExplorer(theme);
    const [first] = await drawnNodes(page);
    await clickNode(page, first!.name, { button: 'right' });
    await page.waitForSelector('[data-testid="menu-expand-all"]');
    expectNoSeriousViolation(`node menu ${theme}`, await audit(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // Regression: white label names on the label's colour (amber, sky blue) in the inspector's chips.
  test(`no serious or critical axe violation with the inspector on a node and on a relationship (${theme} theme)`, async () => {
    const { page, errors } = await openExplorer(theme);
    await clickNode(page, 'Tencent Holdings Ltd');
    await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent === 'Tencent Holdings Ltd');
    expectNoSeriousViolation(`inspector node ${theme}`, await audit(page));
    const partnership = (await drawnEdges(page)).find((edge) => edge.type === 'PARTNERS_WITH' && edge.visible)!;
    await page.waitForTimeout(400);
    await clickEdge(page, partnership.id);
    await page.waitForFunction(() => document.querySelector('[data-testid="inspector-title"]')?.textContent?.includes('PARTNERS_WITH'));
    expectNoSeriousViolation(`inspector relationship ${theme}`, await audit(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test(`no serious or critical axe violation with the "Add an article" panel open, on its form and on its review (${theme} theme)`, async () => {
    const { page, errors } = await openExplorer(theme);
    await page.click('#add-article');
    const panel = page.locator('[data-testid="article-panel"]');
    await panel.getByLabel('Title').fill('Baidu teams up with Huaxia Bank');
    await panel.getByLabel('Publisher').fill('Example Wire');
    await panel.getByLabel('Link').fill('https://example.com/baidu-huaxia');
    await panel.getByLabel('Publication date').fill('2026-03-03');
    await panel.getByLabel('Article text').fill('Baidu teams up with Huaxia Bank. Du Xiaoman, a unit of Baidu, will supply the credit models. Northwind Capital acquired a stake in Du Xiaoman.');
    expectNoSeriousViolation(`article form ${theme}`, await audit(page));
    await panel.locator('[data-testid="article-find"]').click();
    await panel.locator('[data-testid="candidate-relationship"]').first().waitFor();
    await panel.locator('[data-testid="candidate-relationship"] [data-testid="candidate-accept"]').first().click();
    await panel.locator('[data-testid="candidate-entity"] [data-testid="candidate-reject"]').last().click();
    await panel.locator('[data-testid="candidate-relationship"] [data-testid="candidate-edit"]').first().click();
    await panel.locator('[data-testid="candidate-entity"]').first().hover();
    expectNoSeriousViolation(`article review ${theme}`, await audit(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });
}
