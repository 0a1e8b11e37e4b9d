/**
 * Issue 16, GET /api/changes/model: what the explorer's edit forms offer. On the fintech dataset the
 * labels and types of seed/model.yaml (Source left out: it is made as evidence) and its sources; on a
 * database without Fingraph's model, free names and evidence optional.
 */
import type { EditModel } from '../../server/contract';
import { dropFintechSchema } from '../support/api';
import { send } from '../support/changes';
import { loadSeed } from '../support/database';
import { useSeededApp } from '../support/http';

const context = useSeededApp();
const model = async () => send<EditModel>(`${context.app.url}/api/changes/model`, undefined, {}, 'GET');

test('on the fintech dataset the forms offer the model\'s labels and types, require evidence, and list the sources to cite', async () => {
  await loadSeed(context.database);
  const answer = await model();
  expect(answer.status).toBe(200);
  expect(answer.body.kind).toBe('fintech');
  expect(answer.body.evidenceRequired).toBe(true);
  expect(answer.body.labels.map((label) => label.name)).toEqual(['Company', 'Bank', 'Product', 'Regulator', 'Person']);
  expect(answer.body.relationshipTypes).toContainEqual(expect.objectContaining({ type: 'OFFERS', from: ['Company', 'Bank'], to: ['Product'], symmetric: false }));
  expect(answer.body.relationshipTypes).toContainEqual(expect.objectContaining({ type: 'COMPETES_WITH', symmetric: true }));
  expect(answer.body.sources).toContainEqual({ key: 'china-daily-giants-join-banks', title: "China's internet giants join hands with banks in fintech", publisher: 'China Daily' });
});

test('on a database without Fingraph\'s model the names are free and evidence optional', async () => {
  await loadSeed(context.database);
  await dropFintechSchema((statement) => context.database.runStatement(statement));
  const answer = await model();
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ kind: 'free', labels: [], relationshipTypes: [], evidenceRequired: false });
  await loadSeed(context.database);
});
