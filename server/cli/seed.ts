/**
 * `npm run seed [-- --reset]`: loads the default dataset (seed/dataset/*.yaml) by MERGE; --reset
 * empties the database first (in the same transaction).
 * `npm run import -- FILE [FILE...]`: merges a user's own files of the same format (properties a file
 * gives are set, the others kept; evidence is added). `import --reset` replaces all the data with
 * the files: on a terminal it asks first, elsewhere it needs --yes.
 * Both validate everything before writing, and write in one transaction: a bad file writes nothing.
 */
import { loadConfig } from '../config';
import { confirm } from './confirm';
import { importFiles, loadSeedDataset, writeDataset } from '../seed';
import { applySchema } from '../services/schema';
import { bootBackend } from './boot';
import { runMain } from './main';

const log = (line: string): void => console.log(line);
const USAGE = 'Usage: npm run seed [-- --reset]   |   npm run import -- FILE [FILE...] [--reset [--yes]]';

runMain(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const reset = rest.includes('--reset');
  const yes = rest.includes('--yes');
  const files = rest.filter((argument) => argument !== '--reset' && argument !== '--yes');
  if ((command !== 'seed' && command !== 'import') || (command === 'seed' && files.length > 0) || (command === 'import' && files.length === 0)) {
    console.error(USAGE);
    process.exit(2);
  }
  // Validate the default dataset before starting anything: a bad seed file fails fast.
  const dataset = command === 'seed' ? loadSeedDataset() : undefined;
  const config = loadConfig();
  if (command === 'import' && reset) {
    const answer = await confirm(`import --reset deletes every node and relationship of ${config.externalNeo4j ? config.neo4j.uri.replace(/\/\/[^@]*@/, '//') : 'the local Neo4j'}${config.neo4j.database ? ` (database ${config.neo4j.database})` : ''} and replaces them with ${files.join(', ')}. Go on?`, { yes });
    if (answer !== 'yes') {
      console.error(
        answer === 'not-a-terminal'
          ? 'fingraph: import --reset deletes all the data of the database and replaces it with the files; nothing was written. There is no terminal to ask: add --yes to confirm (npm run import -- FILE --reset --yes).'
          : 'fingraph: nothing was written (import --reset not confirmed).',
      );
      process.exit(1);
    }
  }
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

