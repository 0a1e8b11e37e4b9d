/**
 * Issue 16, editing the graph by hand from the explorer (real Chromium, real Neo4j): create an
 * entity, connect it with evidence, edit it, see its history in the inspector and revert; merge two
 * duplicates; delete a relationship and a node, asked first; a refused change shows the rule, keeps
 * what the user typed, and writes nothing.
 */
import type { Locator, Page } from 'playwright-core';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { fingerprint, loadSeed } from '../support/database';
import { clickEdge, clickNode, drawnEdges, drawnNodes, emptyCanvas, nodeId, searchAndPick, waitForNode } from '../support/explorer-page';

const context = useBrowserApp();

beforeEach(async () => {
  await loadSeed(context.database);
});

/** One row of a Cypher query against the test database. */
async function row(statement: string, parameters: Record<string, unknown> = {}): Promise<Record<string, unknown> | null> {
  const result = await context.database.runStatement(statement, parameters);
  const record = result.records[0];
  return record ? (record.toObject() as Record<string, unknown>) : null;
}

/** A count of the test database. */
async function count(statement: string): Promise<number> {
  const result = await context.database.runStatement(statement);
  return Number(result.records[0]?.get('count'));
}

/** The open edit dialog of this test id. */
function dialog(page: Page, testId: string): Locator {
  return page.locator(`dialog[open][data-testid="${testId}"]`);
}

async function submit(form: Locator): Promise<void> {
  await form.locator('[data-testid="edit-submit"]').click();
  await form.waitFor({ state: 'detached', timeout: 15_000 });
}

async function waitForNoNode(page: Page, name: string): Promise<void> {
  await page.waitForFunction((name) => !window.fingraph.cy.nodes().map((node) => node.data('name')).includes(name), name, { timeout: 15_000 });
}

/** Chromium logs each 4xx answer as a console error; those the test provoked on purpose are not page errors. */
function unexpected(errors: string[], statuses: number[] = []): string[] {
  return errors.filter((error) => !statuses.some((status) => error.includes(`status of ${status}`)));
}

test('an entity is created, connected with its evidence and edited by hand; the inspector shows its history and a revert puts it back', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');

  // Create: label from the model, name, aliases.
  await page.click('#new-entity');
  const create = dialog(page, 'create-entity');
  await create.waitFor();
  expect(await create.locator('[data-testid="entity-label"] option').allTextContents()).toEqual(['Company', 'Bank', 'Product', 'Regulator', 'Person']);
  await create.locator('[data-testid="entity-label"]').selectOption('Company');
  await create.getByLabel('Name', { exact: true }).fill('Tencent CCB Fintech Lab');
  await create.getByLabel('Aliases').fill('the lab\nTCFL');
  await submit(create);
  await waitForNode(page, 'Tencent CCB Fintech Lab');
  expect(await row("MATCH (n:Company {name: 'Tencent CCB Fintech Lab'}) RETURN n.id AS key, n.aliases AS aliases")).toEqual({ key: 'tencent-ccb-fintech-lab', aliases: ['the lab', 'TCFL'] });
  await page.locator('[data-testid="inspector-title"]', { hasText: 'Tencent CCB Fintech Lab' }).waitFor();
  // Placed near the node that was selected, not on top of it.
  const placed = await drawnNodes(page);
  const [lab, tencent] = ['Tencent CCB Fintech Lab', 'Tencent Holdings Ltd'].map((name) => placed.find((node) => node.name === name)!);
  expect(Math.hypot(lab!.x - tencent!.x, lab!.y - tencent!.y)).toBeGreaterThan(30);

  // Connect: the types the model allows between two companies, the direction, a new source and its quote.
  await page.click('[data-testid="inspector-connect"]');
  const connect = dialog(page, 'connect');
  await connect.locator('[data-testid="connect-target"]').selectOption({ label: 'Tencent Holdings Ltd' });
  const types = await connect.locator('[data-testid="connect-type"] option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(types).toEqual(expect.arrayContaining(['PARTNERS_WITH', 'SET_UP_JOINT_VENTURE', 'OWNS']));
  expect(types).not.toContain('OFFERS');
  await connect.locator('[data-testid="connect-type"]').selectOption('SET_UP_JOINT_VENTURE');
  await connect.locator('[data-testid="connect-direction"]').selectOption({ label: 'Tencent Holdings Ltd → Tencent CCB Fintech Lab' });
  await connect.locator('[data-testid="source-new-choice"]').check();
  await connect.getByLabel('Title').fill('Tencent and CCB set up a fintech lab');
  await connect.getByLabel('Publisher').fill('Example News');
  await connect.getByLabel('Link').fill('https://example.com/lab');
  await connect.getByLabel('Publication date').fill('2026-11-30');
  await connect.getByLabel('Quote').fill('Tencent signed a strategic cooperation agreement with China Construction Bank to set up a fintech lab.');
  await submit(connect);
  await page.waitForFunction(() => window.fingraph.cy.edges().map((edge) => edge.data('type')).includes('SET_UP_JOINT_VENTURE'), undefined, { timeout: 15_000 });
  const edge = (await drawnEdges(page)).find((each) => each.type === 'SET_UP_JOINT_VENTURE')!;
  expect([edge.source, edge.target]).toEqual([await nodeId(page, 'Tencent Holdings Ltd'), await nodeId(page, 'Tencent CCB Fintech Lab')]);
  expect(
    await row("MATCH (:Company {id: 'tencent'})-[r:SET_UP_JOINT_VENTURE]->(:Company {id: 'tencent-ccb-fintech-lab'}) MATCH (s:Source {id: r.sourceIds[0]}) RETURN r.quotes AS quotes, s.title AS title, s.publisher AS publisher"),
  ).toEqual({ quotes: ['Tencent signed a strategic cooperation agreement with China Construction Bank to set up a fintech lab.'], title: 'Tencent and CCB set up a fintech lab', publisher: 'Example News' });
  // The relationship's inspector shows the quote.
  await clickEdge(page, edge.id);
  await page.locator('[data-testid="evidence"] .quote', { hasText: 'strategic cooperation agreement' }).waitFor();
  // Its own properties are edited from there (its key and evidence are not offered).
  await page.click('[data-testid="inspector-edit-relationship"]');
  const editEdge = dialog(page, 'edit-relationship');
  expect(await editEdge.locator('[data-testid="property-name"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([]);
  await editEdge.locator('[data-testid="add-property"]').click();
  await editEdge.locator('[data-testid="property-name"]').last().fill('since');
  await editEdge.locator('textarea').last().fill('2026');
  await submit(editEdge);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="history-entry"]')).some((entry) => entry.textContent?.includes('since: nothing → 2026')), undefined, { timeout: 15_000 });
  expect(await row("MATCH ()-[r:SET_UP_JOINT_VENTURE]->(:Company {id: 'tencent-ccb-fintech-lab'}) RETURN r.since AS since, r.quotes AS quotes")).toEqual({ since: '2026', quotes: ['Tencent signed a strategic cooperation agreement with China Construction Bank to set up a fintech lab.'] });

  // Edit: a new name, a new property; the canvas redraws the name.
  await clickNode(page, 'Tencent CCB Fintech Lab');
  await page.click('[data-testid="inspector-edit"]');
  const edit = dialog(page, 'edit-node');
  await edit.locator('[data-testid="property-value-name"]').fill('Tencent–CCB FinTech Lab');
  await edit.locator('[data-testid="add-property"]').click();
  await edit.locator('[data-testid="property-name"]').last().fill('country');
  await edit.locator('textarea').last().fill('China');
  await edit.locator('[data-testid="edit-comment"]').fill('The lab’s own spelling');
  await edit.locator('[data-testid="edit-author"]').fill('Ada Analyst');
  await submit(edit);
  await waitForNode(page, 'Tencent–CCB FinTech Lab');
  expect(await row("MATCH (n {id: 'tencent-ccb-fintech-lab'}) RETURN n.name AS name, n.country AS country")).toEqual({ name: 'Tencent–CCB FinTech Lab', country: 'China' });

  // History, newest first: who, the comment, what changed.
  const entries = page.locator('[data-testid="history-entry"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-entry"]').length === 2, undefined, { timeout: 15_000 });
  const newest = await entries.first().innerText();
  // Who: the name typed in the form (the entity was created before it, by "local").
  expect(newest).toContain('Ada Analyst');
  expect(await entries.nth(1).innerText()).toContain('local');
  expect(newest).toContain('The lab’s own spelling');
  expect(newest).toContain('name: Tencent CCB Fintech Lab → Tencent–CCB FinTech Lab');
  expect(newest).toContain('country: nothing → China');
  expect(await entries.nth(1).innerText()).toContain('created as Company');

  // Revert the edit, asked first: the old name back on the canvas and in the database.
  await entries.first().locator('[data-testid="history-revert"]').click();
  const revert = dialog(page, 'revert');
  expect(await revert.innerText()).toContain('Revert this change?');
  await submit(revert);
  await waitForNode(page, 'Tencent CCB Fintech Lab');
  expect(await row("MATCH (n {id: 'tencent-ccb-fintech-lab'}) RETURN n.name AS name, n.country AS country")).toEqual({ name: 'Tencent CCB Fintech Lab', country: null });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-entry"]').length === 3, undefined, { timeout: 15_000 });
  expect(await entries.first().innerText()).toContain('a revert');
  // The name is kept in this browser: the revert was recorded by the same person.
  expect(await entries.first().innerText()).toContain('Ada Analyst');
  expect(unexpected(errors)).toEqual([]);
});

test('two duplicates are merged (the survivor picked, what moves said first), then a relationship and a node are deleted, each asked first', async () => {
  // A duplicate of China Construction Bank with one relationship of its own.
  const made = await fetch(`${context.app.url}/api/changes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      comment: 'a duplicate',
      operations: [
        { op: 'createNode', ref: 'dup', key: 'ccb-duplicate', label: 'Bank', name: 'CCB duplicate', aliases: ['Jianhang'] },
        { op: 'createRelationship', type: 'PARTNERS_WITH', from: 'xiaomi', to: 'dup', evidence: [{ source: 'china-daily-giants-join-banks', quote: 'join hands with banks' }] },
      ],
    }),
  });
  expect(made.status).toBe(200);
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  await searchAndPick(page, 'China Construction Bank Corp', 'China Construction Bank Corp');
  await searchAndPick(page, 'CCB duplicate', 'CCB duplicate');
  await page.locator('[data-testid="inspector-title"]', { hasText: 'CCB duplicate' }).waitFor();
  await page.locator('[data-testid="relationship-groups"] button', { hasText: 'Expand all' }).click();
  await waitForNode(page, 'Xiaomi');

  await clickNode(page, 'CCB duplicate');
  await page.click('[data-testid="inspector-merge"]');
  const merge = dialog(page, 'merge');
  await merge.locator('[data-testid="merge-other"]').selectOption({ label: 'China Construction Bank Corp' });
  await merge.locator('[data-testid="merge-keep-other"]').check();
  await merge.locator('[data-testid="merge-moves"] li', { hasText: 'moves: Xiaomi —PARTNERS_WITH→' }).waitFor();
  expect(await merge.locator('[data-testid="merge-moves"]').innerText()).toContain('CCB duplicate goes; its key then opens China Construction Bank Corp.');
  await submit(merge);
  await waitForNoNode(page, 'CCB duplicate');
  expect(await row("MATCH (n {id: 'china-construction-bank'}) RETURN 'Jianhang' IN n.aliases AS joined, n.formerIds AS formerIds")).toEqual({ joined: true, formerIds: ['ccb-duplicate'] });
  // The moved relationship is drawn to the survivor.
  const ccb = await nodeId(page, 'China Construction Bank Corp');
  const xiaomi = await nodeId(page, 'Xiaomi');
  await page.waitForFunction(({ from, to }) => window.fingraph.cy.edges().map((edge) => edge.data('source') === from && edge.data('target') === to).includes(true), { from: xiaomi, to: ccb }, { timeout: 15_000 });

  // Delete that relationship, from the inspector.
  const moved = (await drawnEdges(page)).find((edge) => edge.source === xiaomi && edge.target === ccb)!;
  await clickEdge(page, moved.id);
  await page.click('[data-testid="inspector-delete-relationship"]');
  const deleteEdge = dialog(page, 'delete-relationship');
  expect(await deleteEdge.innerText()).toContain('Xiaomi —PARTNERS_WITH→ China Construction Bank Corp is deleted from the database');
  await submit(deleteEdge);
  await page.waitForFunction((id) => window.fingraph.cy.getElementById(id).empty(), moved.id, { timeout: 15_000 });
  expect(await count("MATCH (:Company {id: 'xiaomi'})-[r:PARTNERS_WITH]->(:Bank {id: 'china-construction-bank'}) RETURN count(r) AS count")).toBe(0);

  // Delete a node from its menu: the form lists the relationships that go with it; cancelling deletes nothing.
  await searchAndPick(page, 'Huaxia', 'Huaxia Bank Co Ltd');
  await clickNode(page, 'Huaxia Bank Co Ltd', { button: 'right' });
  await page.click('[data-testid="menu-delete"]');
  const deleteNode = dialog(page, 'delete-node');
  await deleteNode.locator('[data-testid="delete-goes-with"] li', { hasText: 'PARTNERS_WITH' }).waitFor();
  expect(await deleteNode.locator('[data-testid="delete-goes-with"]').innerText()).toContain('Tencent Holdings Ltd —PARTNERS_WITH→ Huaxia Bank Co Ltd');
  await deleteNode.locator('[data-testid="edit-cancel"]').click();
  expect(await count("MATCH (n {id: 'huaxia-bank'}) RETURN count(n) AS count")).toBe(1);
  await clickNode(page, 'Huaxia Bank Co Ltd', { button: 'right' });
  await page.click('[data-testid="menu-delete"]');
  await submit(dialog(page, 'delete-node'));
  await waitForNoNode(page, 'Huaxia Bank Co Ltd');
  expect(await count("MATCH (n {id: 'huaxia-bank'}) RETURN count(n) AS count")).toBe(0);

  // Undo and redo move the canvas, not the database: stepping back through the canvas's history
  // (to before the search that drew Huaxia Bank, and before the merge) never draws what was deleted.
  const drawnNames = async (): Promise<string[]> => (await drawnNodes(page)).map((node) => node.name);
  for (let step = 0; step < 6 && (await page.isEnabled('#undo')); step += 1) {
    await page.click('#undo');
    await page.waitForTimeout(150);
    expect(await drawnNames()).not.toContain('Huaxia Bank Co Ltd');
    expect((await drawnEdges(page)).map((edge) => edge.id)).not.toContain(moved.id);
    expect(await drawnNames()).not.toContain('CCB duplicate');
  }
  expect(unexpected(errors)).toEqual([]);
});

test('a refused change shows the rule in the form, keeps what was typed, and writes nothing; an edit made meanwhile is refused with what changed', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await emptyCanvas(page);
  await searchAndPick(page, 'Tencent', 'Tencent Holdings Ltd');
  await searchAndPick(page, 'Huaxia', 'Huaxia Bank Co Ltd');

  // A bank merged into a company: the model's rule, in the form (and in the preview before it).
  await clickNode(page, 'Huaxia Bank Co Ltd', { button: 'right' });
  await page.click('[data-testid="menu-merge"]');
  const merge = dialog(page, 'merge');
  await merge.locator('[data-testid="merge-other"]').selectOption({ label: 'Tencent Holdings Ltd' });
  await merge.locator('[data-testid="merge-moves"] li', { hasText: 'rule: merge.labels' }).waitFor();
  await merge.getByLabel('Comment (kept in the history)').fill('Same thing?');
  const before = await fingerprint(context.database);
  await merge.locator('[data-testid="edit-submit"]').click();
  const refusal = merge.locator('[data-testid="edit-error"]');
  await refusal.waitFor();
  expect(await refusal.innerText()).toMatch(/^Nothing was saved \(rule: merge\.labels\)/);
  expect(await merge.locator('[data-testid="merge-other"]').inputValue()).toBe(await nodeId(page, 'Tencent Holdings Ltd'));
  expect(await merge.getByLabel('Comment (kept in the history)').inputValue()).toBe('Same thing?');
  expect(await fingerprint(context.database)).toEqual(before);
  await merge.locator('[data-testid="edit-cancel"]').click();
  await merge.waitFor({ state: 'detached' });

  // Someone else edits the bank while the form is open: 409, what changed, nothing written.
  await clickNode(page, 'Huaxia Bank Co Ltd');
  await page.click('[data-testid="inspector-edit"]');
  const edit = dialog(page, 'edit-node');
  await edit.locator('[data-testid="property-value-country"]').fill('PRC');
  await context.database.runStatement("MATCH (n {id: 'huaxia-bank'}) SET n.country = 'Mainland China'");
  const meanwhile = await fingerprint(context.database);
  await edit.locator('[data-testid="edit-submit"]').click();
  const conflict = edit.locator('[data-testid="edit-error"]');
  await conflict.waitFor();
  const text = await conflict.innerText();
  expect(text).toContain('Someone changed this since you opened the form; nothing was saved');
  expect(text).toContain('country: you read “China”, it is now “Mainland China”.');
  expect(await edit.locator('[data-testid="property-value-country"]').inputValue()).toBe('PRC');
  expect(await fingerprint(context.database)).toEqual(meanwhile);
  expect(unexpected(errors, [400, 409])).toEqual([]);
});
