/** The command-line entry points as a user runs them: clear messages and non-zero exits. */
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../../server/local-neo4j';
import { testConnection } from '../support/database';
import { cliArgs } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');

function run(script: string, env: Record<string, string>, args: string[] = []) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_') && key !== 'PORT'));
  return spawnSync(process.execPath, cliArgs(script, ...args), {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('npm start with an invalid PORT exits 1 naming the variable and what it must be', () => {
  const result = run('start.ts', { PORT: 'eighty' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('PORT="eighty": must be a port number');
});

test('npm start with a NEO4J_URI of an unsupported scheme exits 1 saying what a URI looks like', () => {
  const result = run('start.ts', { NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('NEO4J_URI');
  expect(result.stderr).toContain('neo4j+s://');
});

test('npm start with a wrong NEO4J_PASSWORD exits 1 saying the credentials were refused', () => {
  const { uri } = testConnection();
  const result = run('start.ts', { NEO4J_URI: uri, NEO4J_PASSWORD: 'wrong-password' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('refused the credentials');
});

test('npm start on a PORT that is in use exits 1 naming the port and how to choose another', async () => {
  const connection = testConnection();
  const port = await freePort();
  const blocker = net.createServer().listen(port, '127.0.0.1');
  await new Promise((resolve) => blocker.once('listening', resolve));
  try {
    const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      // Asynchronous: the blocker must keep accepting while the CLI runs.
      const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_') && key !== 'PORT'));
      const child = spawn(process.execPath, cliArgs('start.ts'), {
        cwd: ROOT,
        env: { ...clean, NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, PORT: String(port) },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => resolve({ status, stderr }));
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Port ${port}`);
    expect(result.stderr).toContain('PORT=');
  } finally {
    blocker.close();
  }
});
