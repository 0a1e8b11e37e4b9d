/** The graph API on the default dataset, over real HTTP against a real Neo4j. */
import type { GraphNode, NeighborPage, NodeDetails, PathsResult, Problem, RelationshipDetails, SchemaInfo, SearchResult, SubgraphResult } from '../../server/contract';
import { getJson, postJson } from '../support/api';
import { useSeededApp } from '../support/http';

const seeded = useSeededApp();

async function find(name: string): Promise<GraphNode> {
  const { body } = await getJson<SearchResult>(`${seeded.app.url}/api/search?q=${encodeURIComponent(name)}&limit=1`);
  const hit = body.hits[0];
  if (!hit) throw new Error(`no hit for ${name}`);
  return hit.node;
}

test('the schema lists labels and types with their counts, property keys and naming property', async () => {
  const { status, body } = await getJson<SchemaInfo>(`${seeded.app.url}/api/schema`);
  expect(status).toBe(200);
  expect(body.labels.find((label) => label.name === 'Bank')).toMatchObject({ count: 5, nameProperty: 'name' });
  expect(body.labels.find((label) => label.name === 'Company')?.properties).toEqual(expect.arrayContaining(['name', 'aliases', 'description']));
  expect(body.relationshipTypes.find((type) => type.name === 'PARTNERS_WITH')).toMatchObject({ count: 4 });
  expect(body.relationshipTypes.find((type) => type.name === 'PARTNERS_WITH')?.properties).toEqual(expect.arrayContaining(['quotes', 'sourceIds', 'areas']));
  expect(body.searchIndex).toBe('entity_names');
});

test('search ranks by name and alias, tolerates a typo, says what matched, and filters by label', async () => {
  const typo = (await getJson<SearchResult>(`${seeded.app.url}/api/search?q=tencnt`)).body;
  expect(typo.method).toBe('fulltext');
  expect(typo.hits[0]?.node.properties.id).toBe('tencent');
  const alias = (await getJson<SearchResult>(`${seeded.app.url}/api/search?q=Cryptorabbit`)).body;
  expect(alias.hits[0]).toMatchObject({ matched: 'Cryptorabbit' });
  expect(alias.hits[0]?.node.properties.id).toBe('jiamitu');
  const banks = (await getJson<SearchResult>(`${seeded.app.url}/api/search?q=bank&label=Bank&limit=10`)).body;
  expect(banks.hits.map((hit) => hit.node.properties.id).sort()).toEqual(['agricultural-bank-of-china', 'china-construction-bank', 'huaxia-bank', 'icbc']);
  expect(banks.hits.every((hit) => hit.node.labels.includes('Bank'))).toBe(true);
  const companies = (await getJson<SearchResult>(`${seeded.app.url}/api/search?q=bank&label=Company`)).body;
  expect(companies.hits).toEqual([]);
});

test('a node comes with its properties and its degree per type and direction', async () => {
  const tencent = await find('Tencent');
  const { status, body } = await getJson<NodeDetails>(`${seeded.app.url}/api/nodes/${tencent.id}`);
  expect(status).toBe(200);
  expect(body.node.properties).toMatchObject({ id: 'tencent', blockchainSince: 2015 });
  expect(body.degrees).toEqual(
    expect.arrayContaining([
      { type: 'PARTNERS_WITH', direction: 'out', count: 1 },
      { type: 'LICENSED_BY', direction: 'out', count: 1 },
      { type: 'COMPETES_WITH', direction: 'out', count: 2 },
      { type: 'COMPETES_WITH', direction: 'in', count: 1 },
    ]),
  );
  expect(body.degree).toBe(7);
});

test('neighbours can be narrowed by type, direction and label', async () => {
  const tencent = await find('Tencent');
  const partners = (await getJson<NeighborPage>(`${seeded.app.url}/api/nodes/${tencent.id}/neighbors?type=PARTNERS_WITH&direction=out`)).body;
  expect(partners.total).toBe(1);
  expect(partners.nodes.map((node) => node.properties.name)).toEqual(['Huaxia Bank Co Ltd']);
  expect(partners.edges[0]).toMatchObject({ type: 'PARTNERS_WITH', source: tencent.id });
  expect(partners.cursor).toBeNull();
  const rivalsIn = (await getJson<NeighborPage>(`${seeded.app.url}/api/nodes/${tencent.id}/neighbors?type=COMPETES_WITH&direction=in`)).body;
  expect(rivalsIn.nodes.map((node) => node.properties.id)).toEqual(['xiaomi']);
  const banks = (await getJson<NeighborPage>(`${seeded.app.url}/api/nodes/${tencent.id}/neighbors?label=Bank`)).body;
  expect(banks.nodes.map((node) => node.properties.id).sort()).toEqual(['huaxia-bank', 'webank']);
  expect(banks.total).toBe(2);
});

test('a relationship comes with its two nodes and its evidence: quotes and the articles they come from', async () => {
  const tencent = await find('Tencent');
  const page = (await getJson<NeighborPage>(`${seeded.app.url}/api/nodes/${tencent.id}/neighbors?type=PARTNERS_WITH&direction=out`)).body;
  const { status, body } = await getJson<RelationshipDetails>(`${seeded.app.url}/api/relationships/${page.edges[0]?.id}`);
  expect(status).toBe(200);
  expect(body.source.properties.id).toBe('tencent');
  expect(body.target.properties.id).toBe('huaxia-bank');
  expect(body.evidence).toHaveLength(2);
  expect(body.evidence[0]?.quote).toContain('Tencent Holdings Ltd and Huaxia Bank Co Ltd');
  expect(body.evidence[0]?.source).toMatchObject({ id: 'china-daily-giants-join-banks', publisher: 'China Daily' });
});

test('paths: all the shortest paths between two banks, with a clear answer when none is within maxHops', async () => {
  const huaxia = await find('Huaxia Bank');
  const abc = await find('Agricultural Bank of China');
  const { status, body } = await getJson<PathsResult>(`${seeded.app.url}/api/paths?from=${huaxia.id}&to=${abc.id}&maxHops=6`);
  expect(status).toBe(200);
  expect(body.length).toBe(3); // Huaxia - Tencent - Baidu - ABC
  expect(body.paths.length).toBeGreaterThanOrEqual(1);
  for (const path of body.paths) {
    expect(path.edges).toHaveLength(3);
    expect(path.nodes.map((node) => node.properties.id)).toEqual(expect.arrayContaining(['huaxia-bank', 'agricultural-bank-of-china']));
  }
  const tooShort = (await getJson<PathsResult>(`${seeded.app.url}/api/paths?from=${huaxia.id}&to=${abc.id}&maxHops=2`)).body;
  expect(tooShort).toMatchObject({ paths: [], length: null, truncated: false });
  const onlyOffers = (await getJson<PathsResult>(`${seeded.app.url}/api/paths?from=${huaxia.id}&to=${abc.id}&types=OFFERS,OWNS`)).body;
  expect(onlyOffers.paths).toEqual([]);
});

test('a subgraph by ids: the nodes, the relationships joining them, and the ids that no longer exist', async () => {
  const [tencent, huaxia, webank, alibaba] = await Promise.all(['Tencent', 'Huaxia Bank', 'WeBank', 'Alibaba'].map(find));
  const gone = `${tencent!.id.slice(0, tencent!.id.lastIndexOf(':'))}:999999`;
  const ids = [tencent!.id, huaxia!.id, webank!.id, alibaba!.id, gone];
  const all = await postJson<SubgraphResult>(`${seeded.app.url}/api/graph/subgraph`, { ids });
  expect(all.status).toBe(200);
  expect(all.body.nodes.map((node) => node.properties.id).sort()).toEqual(['alibaba', 'huaxia-bank', 'tencent', 'webank']);
  expect(all.body.missing).toEqual([gone]);
  const pairs = all.body.edges.map((edge) => `${edge.type}`).sort();
  expect(pairs).toEqual(expect.arrayContaining(['PARTNERS_WITH', 'COMPETES_WITH', 'OWNS']));
  expect(new Set(all.body.edges.map((edge) => edge.id)).size).toBe(all.body.edges.length);
  for (const edge of all.body.edges) expect([edge.source, edge.target].every((id) => ids.includes(id))).toBe(true);
  // Focus: only relationships touching Huaxia Bank.
  const focused = await postJson<SubgraphResult>(`${seeded.app.url}/api/graph/subgraph`, { ids, focus: [huaxia!.id] });
  expect(focused.body.edges.map((edge) => edge.type)).toEqual(['PARTNERS_WITH']);
});

test('a bad subgraph request answers 400 and says what was wrong', async () => {
  const url = `${seeded.app.url}/api/graph/subgraph`;
  const cases: Array<[unknown, RegExp]> = [
    [{}, /needs 'ids'/],
    [{ ids: 'x' }, /must be a JSON list/],
    [{ ids: ["'}) DETACH DELETE n //"] }, /ids\[0\]' is not a Neo4j elementId/],
    [{ ids: Array.from({ length: 5001 }, (_, index) => `4:abc:${index}`) }, /at most 5000/],
    ['{"ids": [', /not valid JSON/],
  ];
  for (const [body, message] of cases) {
    const answer = await postJson<Problem>(url, body);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.detail).toMatch(message);
  }
});
