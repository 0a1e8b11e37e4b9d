/**
 * Writes a validated dataset in one transaction: MERGE by id, so that loading twice changes
 * nothing; with `reset`, the database is emptied first in the same transaction. A failure, or a
 * crash before the commit, writes nothing.
 */
import type { Database } from '../neo4j';
import type { Dataset } from './validate';

export interface WriteResult {
  nodes: number;
  relationships: number;
}

const BATCH = 1_000;

function batches<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) result.push(items.slice(start, start + BATCH));
  return result;
}

export async function writeDataset(database: Database, dataset: Dataset, options: { reset: boolean }): Promise<WriteResult> {
  return database.writeTransaction(async (run) => {
    if (options.reset) await run('seed/delete-all');
    let nodes = 0;
    let relationships = 0;
    for (const batch of batches(dataset.nodes)) {
      const result = await run('seed/merge-nodes', { nodes: batch });
      nodes += Number(result.records[0]?.get('written') ?? 0);
    }
    for (const batch of batches(dataset.relationships)) {
      const result = await run('seed/merge-relationships', { relationships: batch });
      relationships += Number(result.records[0]?.get('written') ?? 0);
    }
    if (relationships !== dataset.relationships.length) {
      // Cannot happen after validation unless the database changed meanwhile; never commit half.
      throw new Error(`Only ${relationships} of ${dataset.relationships.length} relationships found both their nodes; nothing was written.`);
    }
    return { nodes, relationships };
  });
}

/** Looks up, by id, the database's nodes that files refer to without defining them. */
export async function findExistingIds(database: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await database.read('seed/find-ids', { ids });
  return new Map(result.records.map((record) => [String(record.get('id')), (record.get('labels') as string[])[0] ?? '']));
}
