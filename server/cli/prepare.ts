/**
 * Makes the local Neo4j that Fingraph runs ready for the explorer: the schema, and the seed data when
 * it holds no node. A database Fingraph did not create (NEO4J_URI) is used as it is: nothing is
 * applied or loaded there unless the user asks (`npm run seed`, `npm run search-index`).
 */
import type { Database } from '../neo4j';
import { applySchema, isDatabaseEmpty } from '../services/schema';
import { loadSeedDataset, writeDataset } from '../seed';

/** The one line `npm start` says about a database it leaves as it is. */
export const FOREIGN_DATABASE_NOTICE =
  'Your Neo4j (NEO4J_URI) is used as it is: Fingraph applies no schema and loads no data into it. To load the fintech dataset into it, run `npm run seed` (it applies its schema and says so); for a search index over its names, `npm run search-index`.';

export async function prepareDatabase(database: Database, log: (line: string) => void, options: { external: boolean }): Promise<void> {
  if (options.external) {
    log(FOREIGN_DATABASE_NOTICE);
    return;
  }
  const statements = await applySchema(database);
  log(`Schema applied (${statements} constraints and indexes).`);
  if (await isDatabaseEmpty(database)) {
    const dataset = loadSeedDataset();
    const written = await writeDataset(database, dataset, { reset: false });
    log(`The database was empty: loaded the seed data (${written.nodes} nodes, ${written.relationships} relationships).`);
  }
}
