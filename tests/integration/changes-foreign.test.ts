/**
 * Issue 16, the change API on a database without Fingraph's model (no constraints of
 * cypher/schema.cypher): labels, types and properties are free but must be plain names, evidence is
 * optional, nodes touched get a stable key, and history and revert work the same.
 */
import type { ElementHistory } from '../../server/contract';
import type { Database } from '../../server/neo4j';
import { dropFintechSchema } from '../support/api';
import { change, content, send } from '../support/changes';
import { emptyDatabase, fingerprint, openDatabase } from '../support/database';
import { loadForeign } from '../support/foreign';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
let app: RunningApp;
const post = (body: unknown) => send(`${app.url}/api/changes`, body);

beforeAll(async () => {
  database = openDatabase();
  await emptyDatabase(database);
  await dropFintechSchema((statement) => database.runStatement(statement));
  await loadForeign(database);
  app = await startApp(database);
});

afterAll(async () => {
  await app.close();
  await emptyDatabase(database);
  await database.close();
});

test('any plain label, type and property is accepted without evidence, and the nodes it touches get stable keys; a revert undoes it all', async () => {
  const before = await content(database);
  const keanu = String((await database.runStatement("MATCH (p:Person {name: 'Keanu Reeves'}) RETURN elementId(p) AS id")).records[0]?.get('id'));
  const answer = await post(
    change([
      { op: 'createNode', ref: 'film', label: 'Film', name: 'John Wick', properties: { released: 2014, genres: ['action'] } },
      { op: 'createRelationship', type: 'STARRED_IN', from: keanu, to: 'film', properties: { role: 'John Wick' } },
    ]),
  );
  expect(answer.status).toBe(200);
  expect(answer.body.change.elements.map((element) => `${element.kind}:${element.key}`)).toEqual(['node:john-wick', 'node:keanu-reeves', 'relationship:keanu-reeves-starred-in-john-wick']);
  // Keanu had no key: he got one, recorded as an edit (before: none).
  const keyed = answer.body.change.elements[1]!;
  expect(keyed.before?.properties).not.toHaveProperty('id');
  expect(keyed.after?.properties.id).toBe('keanu-reeves');
  const history = await send<ElementHistory>(`${app.url}/api/keys/keanu-reeves/history`, undefined, {}, 'GET');
  expect(history.body.changes).toHaveLength(1);

  const reverted = await send(`${app.url}/api/changes/${answer.body.change.id}/revert`, {});
  expect(reverted.status).toBe(200);
  // Keanu keeps the key Fingraph gave him (everything it touched keeps one); all else is as before.
  await database.runStatement("MATCH (p:Person {name: 'Keanu Reeves'}) REMOVE p.id");
  expect(await content(database)).toBe(before);
});

test('names are still checked: an injection attempt as a label or type is refused and nothing is written', async () => {
  for (const body of [
    change([{ op: 'createNode', label: 'Film`) MATCH (n) DETACH DELETE n //', name: 'x' }]),
    change([{ op: 'createRelationship', type: 'A]->() MATCH (n) DETACH DELETE n //', from: 'x', to: 'y' }]),
    change([{ op: 'createNode', label: '_Secret', name: 'x' }]),
  ]) {
    const before = await fingerprint(database);
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.rule).toBe('names.identifier');
    expect(await fingerprint(database)).toEqual(before);
  }
});

test('dates, times, durations, points and bytes go through the history exactly: a node holding them is edited, deleted and reverted back to what it was', async () => {
  await database.runStatement(
    "CREATE (:Event {id: 'launch', name: 'Launch', on: date('2020-01-01'), at: datetime('2020-01-01T09:30:00.123456789[Asia/Shanghai]'), local: localdatetime('2020-01-01T09:30'), opens: time('09:30:00+08:00'), closes: localtime('18:00'), lasts: duration('P1Y2M3DT4H5M6.5S'), where: point({longitude: 121.47, latitude: 31.23}), grid: point({x: 1, y: 2, z: 3}), raw: $bytes, days: [date('2020-01-01'), date('2020-01-02')]})",
    { bytes: new Int8Array([1, 2, 3, -1]) },
  );
  const before = await content(database);
  const edited = await post(change([{ op: 'editNode', node: 'launch', set: { name: 'The launch' }, expected: { name: 'Launch' } }]));
  expect(edited.status).toBe(200);
  expect(edited.body.change.elements[0]?.before?.properties.on).toEqual({ $temporal: 'Date', fields: { year: '2020', month: '1', day: '1' }, text: '2020-01-01' });
  const deleted = await post(change([{ op: 'deleteNode', node: 'launch', confirm: true }]));
  expect(deleted.status).toBe(200);
  expect((await send(`${app.url}/api/changes/${deleted.body.change.id}/revert`, {})).status).toBe(200);
  expect((await send(`${app.url}/api/changes/${edited.body.change.id}/revert`, {})).status).toBe(200);
  const restored = await database.runStatement(
    "MATCH (n:Event {id: 'launch'}) RETURN n.on = date('2020-01-01') AND n.at = datetime('2020-01-01T09:30:00.123456789[Asia/Shanghai]') AND n.local = localdatetime('2020-01-01T09:30') AND n.opens = time('09:30:00+08:00') AND n.closes = localtime('18:00') AND n.lasts = duration('P1Y2M3DT4H5M6.5S') AND n.where = point({longitude: 121.47, latitude: 31.23}) AND n.grid = point({x: 1, y: 2, z: 3}) AND n.days = [date('2020-01-01'), date('2020-01-02')] AS same, n.raw AS raw, n.name AS name",
  );
  expect(restored.records[0]?.get('same')).toBe(true);
  expect(Array.from(restored.records[0]?.get('raw') as Int8Array)).toEqual([1, 2, 3, -1]);
  expect(restored.records[0]?.get('name')).toBe('Launch');
  // (The history's own records aside, the database is as it was.)
  expect(await content(database)).toEqual(before);
});
