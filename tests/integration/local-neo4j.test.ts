/** Faults of the local Neo4j: each gives one clear message, and nothing half-started is left. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findLocalNeo4j, freePort, LocalNeo4jError, startLocalNeo4j } from '../../server/local-neo4j';

function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-fault-'));
}

test('when the Bolt port is taken by another program, the start fails naming NEO4J_LOCAL_PORT, and nothing is started', async () => {
  const port = await freePort();
  const blocker = net.createServer().listen(port, '127.0.0.1');
  await new Promise((resolve) => blocker.once('listening', resolve));
  const home = tempHome();
  try {
    const start = startLocalNeo4j({ boltPort: port, home, heap: '256m', pageCache: '64m' }, { password: 'a-good-password', exitWithParent: true });
    await expect(start).rejects.toThrow(LocalNeo4jError);
    await expect(start).rejects.toThrow(/NEO4J_LOCAL_PORT/);
    expect(findLocalNeo4j(home)).toBeNull();
  } finally {
    blocker.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('when Neo4j fails to start, the error shows the tail of its log and no process is left running', async () => {
  const home = tempHome();
  try {
    // An invalid page cache size: Neo4j's own configuration check refuses it at start.
    const start = startLocalNeo4j({ boltPort: await freePort(), home, heap: '256m', pageCache: 'lots' }, { password: 'a-good-password', exitWithParent: true });
    const error = await start.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as Error).message).toContain('failed to start');
    expect((error as Error).message).toContain("'lots' is not a valid size");
    expect((error as Error).message).toContain('Last lines of');
    expect(findLocalNeo4j(home)).toBeNull();
    expect(fs.existsSync(path.join(home, 'run', 'neo4j.json'))).toBe(false);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
