/** How tests run the command-line entry points (server/cli/*.ts) as npm does: node with tsx. */
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config';

const TSX = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The arguments for `spawn(process.execPath, …)` that run server/cli/`script` with `args`. */
export function cliArgs(script: string, ...args: string[]): string[] {
  return [TSX, path.join(PROJECT_ROOT, 'server', 'cli', script), ...args];
}
