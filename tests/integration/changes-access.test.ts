/**
 * Issue 16, who may write: until sign-in exists the change API accepts writes only in local use
 * (a local deployment, listening on loopback, the request from loopback and not through a proxy);
 * anything else is 403 with how to enable editing, and the database is unchanged. Reads of the
 * history stay open.
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import { listen } from '../../server/http/listen';
import type { Database } from '../../server/neo4j';
import { change, send } from '../support/changes';
import { fingerprint, loadSeed, openDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let database: Database;
const EDIT = change([{ op: 'editNode', node: 'icbc', set: { country: 'Elsewhere' }, expected: { country: 'China' } }]);

beforeAll(async () => {
  database = openDatabase();
  await loadSeed(database);
});

afterAll(async () => {
  await database.close();
});

async function refusedWithoutWriting(app: RunningApp | { url: string }, headers: Record<string, string>, baseUrl = app.url): Promise<{ status: number; detail: string }> {
  const before = await fingerprint(database);
  const answer = await send(`${baseUrl}/api/changes`, EDIT, headers);
  expect(await fingerprint(database)).toEqual(before);
  return { status: answer.status, detail: answer.body.detail };
}

test('a local server on loopback accepts a write from loopback', async () => {
  const app = await startApp(database);
  try {
    const answer = await send(`${app.url}/api/changes`, EDIT);
    expect(answer.status).toBe(200);
    // The console stays read-only, even in local use: every write goes through the change API.
    const before = await fingerprint(database);
    const console = await send(`${app.url}/api/query`, { query: "MATCH (n {id: 'icbc'}) SET n.country = 'Console' RETURN n" });
    expect(console.status).toBe(403);
    expect(await fingerprint(database)).toEqual(before);
  } finally {
    await app.close();
    await loadSeed(database);
  }
});

test('a public deployment refuses writes with 403 and says how to enable editing; history reads still answer', async () => {
  const app = await startApp(database, undefined, { deployment: 'public' });
  try {
    const { status, detail } = await refusedWithoutWriting(app, {});
    expect(status).toBe(403);
    expect(detail).toMatch(/public deployment \(DEPLOYMENT=public\).*Editing is accepted only in local use until sign-in exists: run Fingraph on your own machine/);
    expect((await send(`${app.url}/api/keys/icbc/history`, undefined, {}, 'GET')).status).toBe(200);
    expect((await send(`${app.url}/api/changes/change-123/revert`, {})).status).toBe(403);
  } finally {
    await app.close();
  }
});

test('a server listening on every address refuses writes, even from loopback', async () => {
  const app = await startApp(database, undefined, { listenHost: '0.0.0.0' });
  try {
    const { status, detail } = await refusedWithoutWriting(app, {});
    expect(status).toBe(403);
    expect(detail).toMatch(/listens on 0\.0\.0\.0 \(HOST\), which others can reach/);
  } finally {
    await app.close();
  }
});

test('a server that does not say where it listens refuses writes', async () => {
  const app = await startApp(database, undefined, { listenHost: undefined });
  try {
    expect((await refusedWithoutWriting(app, {})).status).toBe(403);
  } finally {
    await app.close();
  }
});

test('a request that came through a proxy is refused: its sender may be anywhere', async () => {
  const app = await startApp(database);
  try {
    const { status, detail } = await refusedWithoutWriting(app, { 'X-Forwarded-For': '203.0.113.9' });
    expect(status).toBe(403);
    expect(detail).toMatch(/came through a proxy/);
  } finally {
    await app.close();
  }
});

const external = Object.values(os.networkInterfaces())
  .flat()
  .find((address) => address !== undefined && !address.internal && address.family === 'IPv4')?.address;

(external ? test : test.skip)('a write from another address than loopback is refused with 403', async () => {
  // Listening on every address, but told it is on loopback: only the request's own address refuses it.
  const app = createApp({ database, apiVersion: 'test', consoleRate: null, listenHost: '127.0.0.1', allowedHosts: 'any' });
  const server: Server = await listen(app, 0, '0.0.0.0');
  const { port } = server.address() as AddressInfo;
  try {
    const { status, detail } = await refusedWithoutWriting({ url: '' }, {}, `http://${external}:${port}`);
    expect(status).toBe(403);
    expect(detail).toContain(`This request comes from ${external}, not from this machine.`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
