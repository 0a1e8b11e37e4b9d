/** Paths by relationship type and direction, over real HTTP against a real Neo4j with the default dataset. */
import type { GraphNode, PathsResult, Problem, SearchResult } from '../../server/contract';
import { getJson } from '../support/api';
import { useSeededApp } from '../support/http';

const seeded = useSeededApp();

async function find(name: string): Promise<GraphNode> {
  const { body } = await getJson<SearchResult>(`${seeded.app.url}/api/search?q=${encodeURIComponent(name)}&limit=1`);
  const hit = body.hits[0];
  if (!hit) throw new Error(`no hit for ${name}`);
  return hit.node;
}

function paths(query: Record<string, string>): Promise<{ status: number; body: PathsResult & Problem }> {
  return getJson<PathsResult & Problem>(`${seeded.app.url}/api/paths?${new URLSearchParams(query).toString()}`);
}

test('Xiaomi to Huaxia Bank goes through a competitor with every type, and with only PARTNERS_WITH it does not (issue 15: a competitor is not a partner)', async () => {
  const [xiaomi, huaxia] = await Promise.all([find('Xiaomi'), find('Huaxia Bank')]);
  const every = await paths({ from: xiaomi.id, to: huaxia.id, maxHops: '6' });
  expect(every.status).toBe(200);
  expect(every.body).toMatchObject({ types: null, direction: 'both' });
  expect(every.body.paths.flatMap((path) => path.edges.map((edge) => edge.type))).toContain('COMPETES_WITH');

  const partners = await paths({ from: xiaomi.id, to: huaxia.id, maxHops: '10', types: 'PARTNERS_WITH' });
  expect(partners.status).toBe(200);
  expect(partners.body).toMatchObject({ types: ['PARTNERS_WITH'], direction: 'both', paths: [], length: null });

  const partnersOrOwners = await paths({ from: xiaomi.id, to: huaxia.id, maxHops: '10', types: 'PARTNERS_WITH,OWNS' });
  expect(partnersOrOwners.body.paths).toEqual([]);
});

test('with only PARTNERS_WITH every relationship of the paths is a partnership', async () => {
  const [tencent, huaxia] = await Promise.all([find('Tencent'), find('Huaxia Bank')]);
  const { status, body } = await paths({ from: huaxia.id, to: tencent.id, types: 'PARTNERS_WITH' });
  expect(status).toBe(200);
  expect(body.length).toBe(1);
  expect(body.paths.flatMap((path) => path.edges.map((edge) => edge.type))).toEqual(['PARTNERS_WITH']);
});

test('direction: outgoing follows relationships away from the first end, incoming towards it, either both ways', async () => {
  const [tencent, huaxia] = await Promise.all([find('Tencent'), find('Huaxia Bank')]);
  // Tencent -[:PARTNERS_WITH]-> Huaxia Bank.
  const out = await paths({ from: tencent.id, to: huaxia.id, types: 'PARTNERS_WITH', direction: 'out' });
  expect(out.body).toMatchObject({ direction: 'out', length: 1 });
  expect(out.body.paths[0]?.edges[0]).toMatchObject({ source: tencent.id, target: huaxia.id });
  const wrongWay = await paths({ from: tencent.id, to: huaxia.id, types: 'PARTNERS_WITH', direction: 'in' });
  expect(wrongWay.body).toMatchObject({ direction: 'in', paths: [], length: null });
  const intoHuaxia = await paths({ from: huaxia.id, to: tencent.id, types: 'PARTNERS_WITH', direction: 'in' });
  expect(intoHuaxia.body.length).toBe(1);
  const either = await paths({ from: huaxia.id, to: tencent.id, types: 'PARTNERS_WITH', direction: 'both' });
  expect(either.body.length).toBe(1);
  // Without types, direction still holds: nothing in the dataset points into Tencent from Huaxia Bank's side in one hop.
  const allOut = await paths({ from: huaxia.id, to: tencent.id, maxHops: '1', direction: 'out' });
  expect(allOut.body.paths).toEqual([]);
});

test('an unknown relationship type, a hostile type name or an unknown direction is a 400 that says what to send, and runs nothing', async () => {
  const [tencent, huaxia] = await Promise.all([find('Tencent'), find('Huaxia Bank')]);
  const unknown = await paths({ from: tencent.id, to: huaxia.id, types: 'PARTNERS_WITH,PARTNERS' });
  expect(unknown.status).toBe(400);
  expect(unknown.body.detail).toContain("'PARTNERS'");
  expect(unknown.body.detail).toContain('PARTNERS_WITH');
  expect(unknown.body.detail).toContain('types');
  const hostile = await paths({ from: tencent.id, to: huaxia.id, types: 'OWNS]-() MATCH (n) DETACH DELETE n //' });
  expect(hostile.status).toBe(400);
  expect(hostile.body.detail).toContain('no such relationship type');
  const lowercase = await paths({ from: tencent.id, to: huaxia.id, types: 'partners_with' });
  expect(lowercase.status).toBe(400);
  const direction = await paths({ from: tencent.id, to: huaxia.id, direction: 'sideways' });
  expect(direction.status).toBe(400);
  expect(direction.body.detail).toBe("Parameter 'direction' must be one of both, out, in.");
  // Nothing was deleted.
  expect((await paths({ from: tencent.id, to: huaxia.id })).body.length).toBe(1);
});
