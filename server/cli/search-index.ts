/**
 * `npm run search-index [-- --yes]`: offers a full-text index over the names of the labels no index
 * covers yet, on the configured database (NEO4J_URI, or the local Neo4j). It prints the statement
 * and runs it only after a yes on the terminal, or with --yes; without either it changes nothing.
 */
import readline from 'node:readline/promises';
import { loadConfig } from '../config';
import { describeUri } from '../neo4j';
import { getSchema } from '../services/schema-info';
import { proposeSearchIndex } from '../services/search-index';
import { bootBackend } from './boot';
import { runMain } from './main';

const log = (line: string): void => console.log(line);

runMain(async () => {
  const yes = process.argv.slice(2).includes('--yes');
  const config = loadConfig();
  const backend = await bootBackend(config, log);
  try {
    const proposal = proposeSearchIndex(await getSchema(backend.database, { current: true }));
    if (!proposal) {
      log('Every label search looks in is covered by a full-text index already: nothing to create.');
      return;
    }
    const where = config.externalNeo4j ? describeUri(config.neo4j.uri) : 'the local Neo4j';
    log(`Search scans ${proposal.labels.join(', ')} (no full-text index covers them). This statement would create one on ${where}:\n`);
    log(`${proposal.statement};\n`);
    log('Neo4j builds it in the background and keeps it up to date as the data changes (some disk, and a little time on each write).');
    let confirmed = yes;
    if (!yes && process.stdin.isTTY) {
      const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
      confirmed = /^y(es)?$/i.test((await prompt.question('Create it? [y/N] ')).trim());
      prompt.close();
    }
    if (!confirmed) {
      log(yes || process.stdin.isTTY ? 'Not created.' : 'Not created: run `npm run search-index -- --yes` to create it.');
      return;
    }
    await backend.database.runStatement(proposal.statement);
    log(`Created the full-text index ${proposal.name}; waiting for it to be online...`);
    await backend.database.runStatement('CALL db.awaitIndex($name, 600)', { name: proposal.name });
    log(`The index ${proposal.name} is online: search uses it within 10 s (a running Fingraph reads the schema again by then).`);
  } finally {
    await backend.shutdown();
  }
});
