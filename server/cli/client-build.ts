/** Builds the UI with Vite when client/dist is missing or older than the client's sources. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CLIENT_DIR = path.join(PROJECT_ROOT, 'client');
export const CLIENT_DIST = path.join(CLIENT_DIR, 'dist');

function newestChange(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).filter((name) => name !== 'dist').map((name) => newestChange(path.join(target, name))));
}

export function isClientBuildCurrent(): boolean {
  const built = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(built)) return false;
  const sources = Math.max(newestChange(CLIENT_DIR), newestChange(path.join(PROJECT_ROOT, 'server', 'contract')));
  return fs.statSync(built).mtimeMs >= sources;
}

export async function buildClientIfNeeded(log: (line: string) => void): Promise<void> {
  if (isClientBuildCurrent()) return;
  log('Building the UI (vite build)...');
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', path.join(CLIENT_DIR, 'vite.config.mts'), '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`The UI build failed (vite exit ${code}); its errors are printed above.`);
}
