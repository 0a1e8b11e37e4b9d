/**
 * Warms a server up for its first user: the reads a page load makes (the schema, the start view, a
 * search) run once, in the background, once the server listens. A Neo4j just started compiles its
 * query code on first use: against a fresh local Neo4j the first page load took 2.4 s and the next
 * ones 0.7-1.1 s (bench:ui), GET /api/schema alone 2.5 s and then 0.19 s. Read-only, and it also
 * fills this server's schema cache. A failure is only reported: a user's request then says what is
 * wrong.
 */
import type { Database } from '../neo4j';
import { getStartView } from './graph';
import { getSchema } from './schema-info';
import { search } from './search';

/** The start view's size that the page asks for (client/src/api: startView). */
const START_VIEW_LIMIT = 40;

export interface WarmedUp {
  ms: number;
  /** What failed (Neo4j down, a query refused), or null. */
  failed: string | null;
}

export async function warmUp(database: Database): Promise<WarmedUp> {
  const began = Date.now();
  try {
    await getSchema(database);
    await getStartView(database, START_VIEW_LIMIT);
    await search(database, 'bank', { limit: 10 });
    return { ms: Date.now() - began, failed: null };
  } catch (error) {
    return { ms: Date.now() - began, failed: error instanceof Error ? error.message : String(error) };
  }
}
