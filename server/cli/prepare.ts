/** Makes a database ready for the explorer: the schema, and the seed data when it holds no node. */
import type { Database } from '../neo4j';
import { applySchema, isDatabaseEmpty } from '../services/schema';
import { loadSeedDataset, writeDataset } from '../seed';

export async function prepareDatabase(database: Database, log: (line: string) => void): Promise<void> {
  const statements = await applySchema(database);
  log(`Schema applied (${statements} constraints and indexes).`);
  if (await isDatabaseEmpty(database)) {
    const dataset = loadSeedDataset();
    const written = await writeDataset(database, dataset, { reset: false });
    log(`The database was empty: loaded the seed data (${written.nodes} nodes, ${written.relationships} relationships).`);
  }
}
