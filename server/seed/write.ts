/**
 * Writes a validated dataset in one transaction: MERGE by id, so that loading twice changes
 * nothing; with `reset`, the database is emptied first in the same transaction. A failure, or a
 * crash before the commit, writes nothing.
 */
import { quoteIdentifier, type Database } from '../neo4j';
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

/** Items grouped by a key, in first-seen order. Pure. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

export async function writeDataset(database: Database, dataset: Dataset, options: { reset: boolean }): Promise<WriteResult> {
  return database.writeTransaction(async (run) => {
    if (options.reset) await run('seed/delete-all');
    let nodes = 0;
    let relationships = 0;
    // One statement per label (and per type and end labels): static names let Neo4j use the id indexes.
    for (const group of groupBy(dataset.nodes, (node) => node.label).values()) {
      const label = quoteIdentifier(group[0]!.label);
      for (const batch of batches(group)) {
        const result = await run('seed/merge-nodes', { nodes: batch.map(({ id, properties }) => ({ id, properties })) }, { label });
        nodes += Number(result.records[0]?.get('written') ?? 0);
      }
    }
    for (const group of groupBy(dataset.relationships, (rel) => JSON.stringify([rel.type, rel.fromLabel, rel.toLabel])).values()) {
      const { type, fromLabel, toLabel } = group[0]!;
      const fills = { type: quoteIdentifier(type), fromLabel: quoteIdentifier(fromLabel), toLabel: quoteIdentifier(toLabel) };
      for (const batch of batches(group)) {
        const result = await run('seed/merge-relationships', { relationships: batch.map(({ id, from, to, properties }) => ({ id, from, to, properties })) }, fills);
        relationships += Number(result.records[0]?.get('written') ?? 0);
      }
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
