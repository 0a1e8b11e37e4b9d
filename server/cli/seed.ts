/**
 * `npm run seed [-- --reset]`: loads the default dataset (seed/dataset/*.yaml) by MERGE; --reset
 * empties the database first (in the same transaction).
 * `npm run import -- FILE [FILE...]`: merges a user's own files of the same format.
 * Both validate everything before writing, and write in one transaction: a bad file writes nothing.
 */
import { loadConfig } from '../config';
import { importFiles, loadSeedDataset, writeDataset } from '../seed';
import { applySchema } from '../services/schema';
import { bootBackend } from './boot';
import { runMain } from './main';

const log = (line: string): void => console.log(line);
const USAGE = 'Usage: npm run seed [-- --reset]   |   npm run import -- FILE [FILE...]';

runMain(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const reset = rest.includes('--reset');
  const files = rest.filter((argument) => argument !== '--reset');
  if ((command !== 'seed' && command !== 'import') || (command === 'seed' && files.length > 0) || (command === 'import' && files.length === 0)) {
    console.error(USAGE);
    process.exit(2);
  }
  // Validate the default dataset before starting anything: a bad seed file fails fast.
  const dataset = command === 'seed' ? loadSeedDataset() : undefined;
  const config = loadConfig();
  const backend = await bootBackend(config, log);
  try {
    const statements = await applySchema(backend.database);
    log(`Schema applied (${statements} constraints and indexes of the fintech model, cypher/schema.cypher).`);
    const written = dataset
      ? await writeDataset(backend.database, dataset, { reset })
      : await importFiles(backend.database, files, { reset });
    log(`${reset ? 'Replaced the data with' : 'Merged'} ${written.nodes} nodes and ${written.relationships} relationships${command === 'import' ? ` from ${files.join(', ')}` : ' of the default dataset'}.`);
  } finally {
    await backend.shutdown();
  }
});

