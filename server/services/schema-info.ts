/**
 * What the database holds, discovered: labels and types with counts, property keys per label and
 * type (from a sample), the property that names each label's nodes and those search looks in, and
 * the full-text indexes search can use. Kept per Database in an LRU cache, as a cache only: every
 * copy of the server reads it from Neo4j itself. It is also the allow-list for labels and types in
 * requests; a name it lacks makes it read again, at most once per MISS_REFRESH_MS (an unknown label
 * costs about 20 queries to rediscover: a flood of them must not cost that each).
 */
import { LRUCache } from 'lru-cache';
import type { SchemaInfo, SearchIndexInfo } from '../contract';
import { chooseNameProperty, searchProperties } from '../contract/display-name';
import { BadRequestError } from '../errors';
import { allowedIdentifier, integer, type Database, type Identifier } from '../neo4j';

const TTL_MS = 10_000;
export const MISS_REFRESH_MS = 2_000;
const SAMPLE = 500;

export type SearchIndex = SearchIndexInfo;

export type LabelInfo = SchemaInfo['labels'][number] & {
  /** Other labels that every sampled node of this label carries (Company nodes that are all Items). */
  companions: string[];
};

export interface DiscoveredSchema extends SchemaInfo {
  labels: LabelInfo[];
  labelSet: ReadonlySet<string>;
  typeSet: ReadonlySet<string>;
  /** The online full-text node indexes, by name. */
  fulltext: SearchIndex[];
}

async function counts(database: Database): Promise<{ labels: Map<string, number>; types: Map<string, number> }> {
  const names = (await database.read('schema-info/labels-and-types')).records[0];
  const labelNames = names?.get('labels') ?? [];
  const typeNames = names?.get('types') ?? [];
  const labels = new Map(labelNames.map((name) => [name, 0]));
  const types = new Map(typeNames.map((name) => [name, 0]));
  const stats = (await database.read('schema-info/graph-counts')).records[0];
  for (const entry of stats?.get('labels') ?? []) {
    if (labels.has(entry.name)) labels.set(entry.name, Number(entry.count));
  }
  for (const entry of stats?.get('types') ?? []) {
    if (types.has(entry.name)) types.set(entry.name, Number(entry.count));
  }
  return { labels, types };
}

async function typeKeys(database: Database, fill: { type: Identifier }): Promise<string[]> {
  const result = await database.readTemplate('schema-info/type-properties', fill, { sample: integer(SAMPLE) });
  return result.records.map((record) => record.get('key'));
}

/** A sample of a label's nodes: their keys, most common first, and the other labels all of them carry. */
async function labelSample(database: Database, label: string, fill: { label: Identifier }): Promise<{ keys: string[]; companions: string[] }> {
  const result = await database.readTemplate('schema-info/label-properties', fill, { sample: integer(SAMPLE) });
  const rows = result.records.map((record) => ({ kind: record.get('kind'), key: record.get('key'), count: Number(record.get('count')) }));
  const sampled = rows.find((row) => row.kind === 'label' && row.key === label)?.count ?? 0;
  return {
    keys: rows.filter((row) => row.kind === 'key').map((row) => row.key),
    companions: rows.filter((row) => row.kind === 'label' && row.key !== label && row.count === sampled).map((row) => row.key),
  };
}

async function discover(database: Database): Promise<DiscoveredSchema> {
  const { labels, types } = await counts(database);
  const labelSet = new Set(labels.keys());
  const typeSet = new Set(types.keys());
  const labelInfo: LabelInfo[] = [];
  for (const [name, count] of [...labels].sort(([a], [b]) => a.localeCompare(b))) {
    const { keys: properties, companions } = await labelSample(database, name, { label: allowedIdentifier(name, labelSet) });
    labelInfo.push({ name, count, properties, nameProperty: chooseNameProperty(properties), searchProperties: searchProperties(properties), companions });
  }
  const typeInfo = [];
  for (const [name, count] of [...types].sort(([a], [b]) => a.localeCompare(b))) {
    const properties = await typeKeys(database, { type: allowedIdentifier(name, typeSet) });
    typeInfo.push({ name, count, properties });
  }
  const fulltext: SearchIndex[] = (await database.read('schema-info/fulltext-indexes')).records.map((record) => ({
    name: record.get('name'),
    labels: record.get('labels'),
    properties: record.get('properties'),
  }));
  const preferred = fulltext.find((index) => index.name === 'entity_names') ?? fulltext[0] ?? null;
  return { labels: labelInfo, relationshipTypes: typeInfo, searchIndex: preferred?.name ?? null, searchIndexes: fulltext, labelSet, typeSet, fulltext };
}

/** When each Database's schema was last read again because of a miss. */
const missRefreshedAt = new WeakMap<Database, number>();

const cache = new LRUCache<Database, DiscoveredSchema>({
  max: 64,
  ttl: TTL_MS,
  // Past the TTL a request is answered with the schema already read while a new one is read
  // behind it; a failed read keeps the old one.
  allowStale: true,
  noDeleteOnStaleGet: true,
  allowStaleOnFetchRejection: true,
  fetchMethod: (database) => discover(database),
});

/**
 * The schema, read at most every few seconds; no request waits on discovery but the first, unless
 * `current` asks to wait for a stale one (GET /api/schema). `fresh` reads it now unless it was read
 * for a miss less than MISS_REFRESH_MS ago (then the cached one answers).
 */
export async function getSchema(database: Database, options: { fresh?: boolean; current?: boolean } = {}): Promise<DiscoveredSchema> {
  let forceRefresh = false;
  if (options.fresh) {
    const last = missRefreshedAt.get(database) ?? 0;
    if (Date.now() - last >= MISS_REFRESH_MS || !cache.has(database)) {
      missRefreshedAt.set(database, Date.now());
      forceRefresh = true;
    }
  }
  const schema = await cache.fetch(database, { forceRefresh, allowStale: !options.current && !forceRefresh });
  if (schema) return schema;
  // The read failed with nothing cached to fall back on: read once more, so that the caller gets
  // Neo4j's own error (503 while it is down) rather than none.
  const read = await discover(database);
  cache.set(database, read);
  return read;
}

export function publicSchema(schema: DiscoveredSchema): SchemaInfo {
  return {
    labels: schema.labels.map(({ companions: _companions, ...label }) => label), relationshipTypes: schema.relationshipTypes,
    searchIndex: schema.searchIndex,
    searchIndexes: schema.searchIndexes,
  };
}

function listNames(names: Iterable<string>): string {
  const all = [...names];
  return all.length === 0 ? '(none: the database is empty)' : all.length > 30 ? `${all.slice(0, 30).join(', ')}, ...` : all.join(', ');
}

/** Checks a label against the database's labels (reading them again on a miss, at most once per MISS_REFRESH_MS). */
export async function requireLabel(database: Database, label: string, parameter = 'label'): Promise<DiscoveredSchema> {
  let schema = await getSchema(database);
  if (!schema.labelSet.has(label)) schema = await getSchema(database, { fresh: true });
  if (!schema.labelSet.has(label)) {
    throw new BadRequestError(`Unknown ${parameter} '${label}': the database has no such label. Its labels are ${listNames(schema.labelSet)}.`);
  }
  return schema;
}

/** Checks relationship types against the database's types (reading them again on a miss, at most once per MISS_REFRESH_MS). */
export async function requireTypes(database: Database, typeNames: string[], parameter = 'type'): Promise<DiscoveredSchema> {
  let schema = await getSchema(database);
  if (typeNames.some((name) => !schema.typeSet.has(name))) schema = await getSchema(database, { fresh: true });
  const unknown = typeNames.find((name) => !schema.typeSet.has(name));
  if (unknown !== undefined) {
    throw new BadRequestError(`Unknown ${parameter} '${unknown}': the database has no such relationship type. Its types are ${listNames(schema.typeSet)}.`);
  }
  return schema;
}
