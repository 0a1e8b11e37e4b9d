/**
 * The same data is laid out the same way whatever order it comes in (issue 15, "the start view is
 * laid out the same way for the same data"): the order nodes arrive in follows how the database
 * stored them (the seed loaded in another order, another database), and layouts place elements in
 * Cytoscape's order (fcose's seeded start and packing, breadth-first's siblings, concentric's and
 * grid's ties), so the start view is put in the data's order first (state/placement.ts
 * inDataOrder). Opened as the API gives it and with its nodes and relationships reversed on the
 * way (the page's request answered with the same JSON in another order), the start view, and each
 * layout chosen from it, puts every node at the same place.
 */
import type { Route } from 'playwright-core';
import { openPage } from '../support/browser';
import { useBrowserApp } from '../support/browser-app';
import { waitForRequests, waitReady } from '../support/explorer-page';

const context = useBrowserApp();

type Position = { x: number; y: number };
type View = { nodes: unknown[]; edges: unknown[] };
type Reorder = (view: View) => View;

const ORDERS: Array<[string, Reorder]> = [
  ['as the API gives it', (view) => view],
  ['reversed', (view) => ({ nodes: [...view.nodes].reverse(), edges: [...view.edges].reverse() })],
];
const LAYOUTS = ['concentric', 'breadthfirst', 'grid', 'fcose'] as const;

/** Where each node is in the start view, then after each layout chosen in turn, with the start view's answer reordered. */
async function placesWith(reorder: Reorder): Promise<{ nodes: number; places: Record<string, Record<string, Position>> }> {
  const { page, errors } = await openPage(context.browser, 'about:blank', { width: 1280, height: 720 });
  await page.route('**/api/graph/start*', async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: reorder((await response.json()) as View) });
  });
  await page.goto(context.app.url);
  await waitReady(page);
  await waitForRequests(page);
  const positions = (): Promise<Record<string, Position>> =>
    page.evaluate(() => {
      const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
      cy.stop(true, true);
      return Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    });
  const places: Record<string, Record<string, Position>> = { 'start view': await positions() };
  for (const layout of LAYOUTS) {
    await page.selectOption('#layout', layout);
    await page.waitForFunction((layout) => (window as unknown as { fingraph: { explorer: { state: { layout: string } } } }).fingraph.explorer.state.layout === layout, layout);
    await waitForRequests(page);
    places[layout] = await positions();
  }
  expect(errors).toEqual([]);
  await page.close();
  return { nodes: Object.keys(places['start view']!).length, places };
}

test('the start view, and each layout chosen from it, places every node the same whatever order the nodes and relationships come in', async () => {
  const results = [];
  for (const [, reorder] of ORDERS) results.push(await placesWith(reorder));
  const [given, ...others] = results;
  expect(given!.nodes).toBeGreaterThan(10);
  others.forEach((other, index) => {
    for (const [stage, places] of Object.entries(given!.places)) {
      const elsewhere = other.places[stage]!;
      expect(Object.keys(elsewhere).sort()).toEqual(Object.keys(places).sort());
      const moved = Object.entries(places)
        .filter(([id, at]) => Math.hypot(elsewhere[id]!.x - at.x, elsewhere[id]!.y - at.y) > 0.5)
        .map(([id]) => `${stage}, ${ORDERS[index + 1]![0]}: ${id}`);
      expect(moved).toEqual([]);
    }
  });
});
