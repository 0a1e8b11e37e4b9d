import type { GraphView, Problem } from '../../server/contract';
import { useSeededApp } from '../support/http';

const seeded = useSeededApp();

test('the start view returns the most connected nodes, and only relationships among them', async () => {
  const response = await fetch(`${seeded.app.url}/api/graph/start?limit=4`);
  expect(response.status).toBe(200);
  const view = (await response.json()) as GraphView;
  expect(view.nodes).toHaveLength(4);
  expect(view.nodes.map((node) => node.properties.id).sort()).toEqual(['alibaba', 'baidu', 'tencent', 'xiaomi']);
  const ids = new Set(view.nodes.map((node) => node.id));
  expect(view.edges.length).toBeGreaterThan(0);
  for (const edge of view.edges) {
    expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  }
  expect(view.edges.map((edge) => edge.type)).toContain('COMPETES_WITH');
});

test.each(['0', '501', '-1', 'ten', '1e3', "1'; MATCH (n) DETACH DELETE n //"])('a limit of %j answers 400 saying the allowed range', async (limit) => {
  const response = await fetch(`${seeded.app.url}/api/graph/start?limit=${encodeURIComponent(limit)}`);
  expect(response.status).toBe(400);
  const problem = (await response.json()) as Problem;
  expect(problem.detail).toContain("'limit'");
  expect(problem.detail).toContain('between 1 and 500');
});
