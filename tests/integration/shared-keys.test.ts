/**
 * Issue 16, stable keys for shared views: POST /api/graph/subgraph with the keys of a view's ids
 * opens the nodes those keys name now, after a reseed gave them new elementIds, and after a merge
 * (a merged-away key names its survivor); a key two nodes share falls back on the elementId.
 */
import type { SubgraphResult } from '../../server/contract';
import { loadSeedDataset, writeDataset } from '../../server/seed';
import { postJson } from '../support/api';
import { change, send } from '../support/changes';
import { useSeededApp } from '../support/http';

const context = useSeededApp();

async function idsOf(keys: string[]): Promise<Record<string, string>> {
  const result = await context.database.runStatement('MATCH (n) WHERE n.id IN $keys RETURN n.id AS key, elementId(n) AS id', { keys });
  return Object.fromEntries(result.records.map((record) => [String(record.get('key')), String(record.get('id'))]));
}

test('after a reseed, the keys of a view name its nodes again and the old ids are renamed', async () => {
  const old = await idsOf(['tencent', 'huaxia-bank']);
  await writeDataset(context.database, loadSeedDataset(), { reset: true });
  const now = await idsOf(['tencent', 'huaxia-bank']);
  expect(now.tencent).not.toBe(old.tencent);

  const ids = [old.tencent!, old['huaxia-bank']!];
  const withoutKeys = await postJson<SubgraphResult>(`${context.app.url}/api/graph/subgraph`, { ids });
  expect(withoutKeys.body.missing).toEqual(ids);

  const answer = await postJson<SubgraphResult>(`${context.app.url}/api/graph/subgraph`, { ids, keys: { [old.tencent!]: 'tencent', [old['huaxia-bank']!]: 'huaxia-bank' } });
  expect(answer.status).toBe(200);
  expect(answer.body.missing).toEqual([]);
  expect(answer.body.renamed).toEqual({ [old.tencent!]: now.tencent, [old['huaxia-bank']!]: now['huaxia-bank'] });
  expect(answer.body.nodes.map((node) => node.properties.id).sort()).toEqual(['huaxia-bank', 'tencent']);
  expect(answer.body.edges.map((edge) => edge.properties.id)).toEqual(['tencent-partners-with-huaxia-bank']);
});

test('a merged-away key opens its survivor; a key two nodes share falls back on the elementId', async () => {
  const made = await send(`${context.app.url}/api/changes`, change([{ op: 'createNode', key: 'ccb-twin', label: 'Bank', name: 'CCB twin' }]));
  expect(made.status).toBe(200);
  const twin = (await idsOf(['ccb-twin']))['ccb-twin']!;
  expect((await send(`${context.app.url}/api/changes`, change([{ op: 'mergeNodes', survivor: 'china-construction-bank', duplicate: 'ccb-twin' }]))).status).toBe(200);
  const survivor = (await idsOf(['china-construction-bank']))['china-construction-bank'];
  const merged = await postJson<SubgraphResult>(`${context.app.url}/api/graph/subgraph`, { ids: [twin], keys: { [twin]: 'ccb-twin' } });
  expect(merged.body.renamed).toEqual({ [twin]: survivor });
  expect(merged.body.nodes.map((node) => node.properties.id)).toEqual(['china-construction-bank']);

  // Labels without an id constraint may share an id: such a key names no node in particular.
  await context.database.runStatement("CREATE (:Thing {id: 'shared-key', name: 'One'}), (:Thing {id: 'shared-key', name: 'Two'})");
  const icbc = (await idsOf(['icbc'])).icbc!;
  const ambiguous = await postJson<SubgraphResult>(`${context.app.url}/api/graph/subgraph`, { ids: [icbc], keys: { [icbc]: 'shared-key' } });
  expect(ambiguous.body.renamed).toEqual({});
  expect(ambiguous.body.nodes.map((node) => node.properties.id)).toEqual(['icbc']);
});

test('keys for ids the view does not list, or that are not texts, are refused', async () => {
  const icbc = (await idsOf(['icbc'])).icbc!;
  const stranger = await postJson<{ detail: string }>(`${context.app.url}/api/graph/subgraph`, { ids: [icbc], keys: { '4:abc:1': 'x' } });
  expect(stranger.status).toBe(400);
  expect(stranger.body.detail).toContain("which is not in 'ids'");
  const list = await postJson<{ detail: string }>(`${context.app.url}/api/graph/subgraph`, { ids: [icbc], keys: ['icbc'] });
  expect(list.status).toBe(400);
});
