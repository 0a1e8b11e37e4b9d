/** The default dataset and user imports: read, validate against the model, write in one transaction. */
import type { Database } from '../neo4j';
import { loadModel, readDataFile, seedFiles } from './files';
import { buildDataset, mentionedIds, parseDatasetFiles, type Dataset } from './validate';
import { findExistingIds, writeDataset, type WriteResult } from './write';

export { DatasetError, buildDataset, mentionedIds, parseDatasetFiles, type Dataset, type DatasetInput } from './validate';
export { loadModel, readDataFile, seedFiles, SEED_DIR, DATASET_DIR, MODEL_FILE } from './files';
export { writeDataset, type WriteResult } from './write';
export * from './format';

/** The default dataset (seed/dataset/*.yaml), validated; it must stand on its own. */
export function loadSeedDataset(): Dataset {
  return buildDataset(parseDatasetFiles(seedFiles().map(readDataFile)), loadModel());
}

/**
 * Validates files that may refer to nodes already in the database, then merges them in one
 * transaction: an entry whose id the database has updates that node (its properties become the
 * file's). Throws DatasetError (nothing written) when a file is bad.
 */
export async function importFiles(database: Database, files: string[], options: { reset: boolean } = { reset: false }): Promise<WriteResult> {
  const parsed = parseDatasetFiles(files.map(readDataFile));
  const existing = options.reset ? new Map<string, string>() : await findExistingIds(database, mentionedIds(parsed));
  return writeDataset(database, buildDataset(parsed, loadModel(), existing), options);
}
