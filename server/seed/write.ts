/**
 * Writes a validated dataset in one transaction, by id, so that loading twice changes nothing.
 * Without `reset` it merges: the properties an entry gives are set, the others kept, the ones it
 * lists under `unset` removed, and its evidence added to what is there (deduplicated), never
 * replaced; a relationship id already used by another relationship (of any type) refuses the whole
 * write. With `reset`, the database is emptied first in the same transaction and each entry is
 * written exactly as given. A failure, or a crash before the commit, writes nothing.
 */
import { allowedIdentifier, type Database } from '../neo4j';
import { DatasetError, type Dataset, type Evidence, type NodeToWrite, type RelationshipToWrite } from './validate';
import type { PropertyValue } from './format';

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

/** Removals as `{name: null}`: `SET x += map` removes a property whose value is null. */
function withRemovals(properties: Record<string, PropertyValue>, unset: readonly string[]): Record<string, PropertyValue | null> {
  return { ...Object.fromEntries(unset.map((name) => [name, null])), ...properties };
}

/** An entry's properties exactly as `--reset` writes them: evidence as the paired lists. Pure. */
export function exactNodeProperties(node: NodeToWrite): Record<string, PropertyValue> {
  const evidence: Record<string, PropertyValue> = node.evidence.length > 0 ? { sourceIds: node.evidence.map((e) => e.source), quotes: node.evidence.map((e) => e.quote) } : {};
  return { ...node.defaults, ...node.properties, ...evidence };
}

export function exactRelationshipProperties(relationship: RelationshipToWrite): Record<string, PropertyValue> {
  return { ...relationship.properties, sourceIds: relationship.evidence.map((e) => e.source), quotes: relationship.evidence.map((e) => e.quote) };
}

const evidenceParameter = (evidence: readonly Evidence[]) => evidence.map(({ source, quote }) => ({ source, quote }));

export async function writeDataset(database: Database, dataset: Dataset, options: { reset: boolean }): Promise<WriteResult> {
  return database.writeTransaction(async (run) => {
    if (options.reset) await run('seed/delete-all', {});
    else await refuseTakenRelationshipIds(run, dataset.relationships);
    let nodes = 0;
    let relationships = 0;
    // One statement per label (and per type and end labels): static names let Neo4j use the id indexes.
    for (const group of groupBy(dataset.nodes, (node) => node.label).values()) {
      const label = allowedIdentifier(group[0]!.label, dataset.model.labels);
      for (const batch of batches(group)) {
        const result = options.reset
          ? await run('seed/replace-nodes', { nodes: batch.map((node) => ({ id: node.id, properties: exactNodeProperties(node) })) }, { label })
          : await run(
              'seed/merge-nodes',
              { nodes: batch.map((node) => ({ id: node.id, defaults: node.defaults, properties: withRemovals(node.properties, node.unset), evidence: evidenceParameter(node.evidence) })) },
              { label },
            );
        nodes += Number(result.records[0]?.get('written') ?? 0);
      }
    }
    for (const group of groupBy(dataset.relationships, (rel) => JSON.stringify([rel.type, rel.fromLabel, rel.toLabel])).values()) {
      const { type, fromLabel, toLabel } = group[0]!;
      const fills = { type: allowedIdentifier(type, dataset.model.types), fromLabel: allowedIdentifier(fromLabel, dataset.model.labels), toLabel: allowedIdentifier(toLabel, dataset.model.labels) };
      for (const batch of batches(group)) {
        const result = options.reset
          ? await run('seed/replace-relationships', { relationships: batch.map((rel) => ({ id: rel.id, from: rel.from, to: rel.to, properties: exactRelationshipProperties(rel) })) }, fills)
          : await run(
              'seed/merge-relationships',
              { relationships: batch.map((rel) => ({ id: rel.id, from: rel.from, to: rel.to, properties: withRemovals(rel.properties, rel.unset), evidence: evidenceParameter(rel.evidence) })) },
              fills,
            );
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
type Run = Parameters<Parameters<Database['writeTransaction']>[0]>[0];

/**
 * Relationship ids are unique across all types: in the write's own transaction, looks in every type
 * the database has for the ids the dataset writes; one held by a relationship other than the entry's
 * (another type, or other ends) refuses the write, naming both.
 */
async function refuseTakenRelationshipIds(run: Run, relationships: readonly RelationshipToWrite[]): Promise<void> {
  if (relationships.length === 0) return;
  const byId = new Map(relationships.map((rel) => [rel.id, rel]));
  const ids = [...byId.keys()];
  const types = (await run('seed/relationship-types', {})).records.map((record) => record.get('type'));
  const allowed = new Set(types);
  const problems: string[] = [];
  for (const type of types) {
    const found = await run('seed/find-relationship-ids', { ids }, { type: allowedIdentifier(type, allowed) });
    for (const record of found.records) {
      const id = record.get('id');
      const [from, to] = [record.get('from'), record.get('to')];
      const entry = byId.get(id);
      if (entry && (entry.type !== type || entry.from !== from || entry.to !== to)) {
        problems.push(`${entry.where}: field 'id': the database already has a relationship with id '${id}', ${from ?? '?'} -${type}-> ${to ?? '?'}; relationship ids are unique: give this one another id (or the same type and ends, to update that one)`);
      }
    }
  }
  if (problems.length > 0) throw new DatasetError(problems.slice(0, 50));
}

/** Looks up, by id, the database's nodes that files refer to without defining them. */
export async function findExistingIds(database: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await database.read('seed/find-ids', { ids });
  return new Map(result.records.map((record) => [record.get('id'), record.get('labels')[0] ?? '']));
}
