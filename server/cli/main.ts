/** Runs a command-line entry point: clear one-line errors and a non-zero exit, no stack traces for known errors. */
import { ConfigError } from '../config';
import { ApiError } from '../errors';
import { LocalNeo4jError } from '../local-neo4j';
import { DatasetError } from '../seed';

export const KNOWN_ERRORS = [ConfigError, LocalNeo4jError, ApiError, DatasetError];

export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (KNOWN_ERRORS.some((kind) => error instanceof kind)) {
      const cause = (error as Error).cause;
      const reason = cause instanceof Error ? ` (${cause.message.split('\n')[0]})` : '';
      console.error(`\nfingraph: ${(error as Error).message}${reason}`);
    } else {
      console.error('\nfingraph: unexpected failure:', error);
    }
    process.exit(1);
  });
}
