/**
 * The console's examples run on the seed through the real console API. Regression (issue 15): "Products
 * of each giant" drew 14 nodes and no relationship; an example that draws nodes joined in the database
 * returns the relationships that join them.
 */
import { examplesFor } from '../../client/src/console/examples';
import type { ConsoleResult, ConsoleSchema, SubgraphResult } from '../../server/contract';
import { getJson, postJson } from '../support/api';
import { useSeededApp } from '../support/http';

const context = useSeededApp();

test('every example the seed offers runs, and one that draws joined nodes draws what joins them', async () => {
  const schema = await getJson<ConsoleSchema>(`${context.app.url}/api/query/schema`);
  const examples = examplesFor(schema.body);
  expect(examples.map((example) => example.title)).toEqual(expect.arrayContaining(['Products of each giant', 'The most connected nodes']));
  for (const example of examples) {
    const answer = await postJson<ConsoleResult>(`${context.app.url}/api/query`, { query: example.query, params: JSON.parse(example.params) as unknown });
    expect({ example: example.title, status: answer.status }).toEqual({ example: example.title, status: 200 });
    const { nodes, edges } = answer.body.graph;
    if (nodes.length < 2) continue;
    const joined = await postJson<SubgraphResult>(`${context.app.url}/api/graph/subgraph`, { ids: nodes.map((node) => node.id) });
    if (joined.body.edges.length === 0) continue;
    expect({ example: example.title, drawsRelationships: edges.length > 0 }).toEqual({ example: example.title, drawsRelationships: true });
  }
});

test('"Products of each giant" draws each company with its products and the OFFERS relationships between them', async () => {
  const example = examplesFor({ labels: ['Company', 'Product'], relationshipTypes: ['OFFERS'] }).find((each) => each.title === 'Products of each giant')!;
  const answer = await postJson<ConsoleResult>(`${context.app.url}/api/query`, { query: example.query, params: {} });
  const products = answer.body.graph.nodes.filter((node) => node.labels.includes('Product'));
  const offers = answer.body.graph.edges.filter((edge) => edge.type === 'OFFERS');
  expect(products.length).toBeGreaterThan(5);
  expect(offers.length).toBe(products.length);
});
