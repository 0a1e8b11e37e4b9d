/**
 * Issue 14, part 3, in the browser on a database of another shape (Northwind: employees named by
 * `lastName`, no `name` anywhere): one naming rule for the canvas, search and the inspector, taken
 * from the schema; the search box names the open database's labels; the legend draws each label with
 * the canvas's shape.
 */
import { openPage, screenshot } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { dropFintechSchema } from '../support/api';
import { emptyDatabase, openDatabase } from '../support/database';
import { drawnNodes, searchAndPick, waitReady } from '../support/explorer-page';
import { dropNorthwindIndexes, loadNorthwind } from '../support/northwind';

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

test('Northwind employees are drawn by their last name, as search names them, not by their title', async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 0);
  const employees = await page.evaluate(() => window.fingraph.cy.nodes('[label = "Employee"]').map((node) => node.data('name')));
  expect(employees.length).toBeGreaterThan(0);
  const lastNames = ['Davolio', 'Fuller', 'Leverling', 'Peacock', 'Buchanan', 'Suyama', 'King', 'Callahan', 'Dodsworth'];
  for (const name of employees) expect(lastNames).toContain(name);
  for (const node of await drawnNodes(page)) expect(node.name).not.toMatch(/^\d+$/);

  await page.click('#clear');
  await searchAndPick(page, 'Fuller', 'Fuller');
  expect((await drawnNodes(page)).map((node) => node.name)).toEqual(['Fuller']);
  expect(await page.textContent('[data-testid="inspector-title"]')).toBe('Fuller');
  expect(errors).toEqual([]);
});

test("the search box's hint names the open database's labels, not the fintech ones", async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  const placeholder = await page.getAttribute('#search', 'placeholder');
  expect(placeholder).toBe('Search Order, Customer, Product, …  ( / )');
  expect(placeholder).not.toMatch(/compan|bank/i);
  expect(errors).toEqual([]);
});

test("the legend draws each label with the canvas's shape (triangles, stars, octagons are not squares)", async () => {
  const { page, errors } = await openPage(context.browser, context.app.url);
  await waitReady(page);
  await page.waitForFunction(() => window.fingraph.cy.nodes().length > 0);
  await page.waitForSelector('.legend-list svg.swatch');
  const canvas = await page.evaluate(() => Object.fromEntries(window.fingraph.cy.nodes().map((node) => [node.data('label'), node.data('shape')])));
  const legend = await page.$$eval('.legend-list li', (items) =>
    items
      .map((item) => {
        const svg = item.querySelector('svg.swatch');
        const label = item.querySelector('input')?.getAttribute('data-testid')?.replace('legend-label-', '');
        return svg && label ? { label, shape: svg.getAttribute('data-shape'), mark: svg.firstElementChild?.tagName ?? null, points: svg.firstElementChild?.getAttribute('points')?.split(' ').length ?? 0 } : null;
      })
      .filter((entry) => entry !== null),
  );
  expect(legend.length).toBe(Object.keys(canvas).length);
  const corners: Record<string, number> = { triangle: 3, diamond: 4, hexagon: 6, octagon: 8, star: 10, tag: 5 };
  for (const entry of legend) {
    expect(entry.shape).toBe(canvas[entry.label]);
    const expected = corners[entry.shape!];
    if (expected) expect(entry).toMatchObject({ mark: 'polygon', points: expected });
    else expect(entry.mark).toBe(entry.shape === 'ellipse' ? 'circle' : 'rect');
  }
  // Northwind's labels get shapes from their names: at least one is drawn as a polygon.
  expect(legend.some((entry) => entry.mark === 'polygon')).toBe(true);
  await screenshot(page, 'foreign-legend');
  expect(errors).toEqual([]);
});
