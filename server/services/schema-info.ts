/**
 * What the database holds, discovered: labels and types with counts, property keys per label and
 * type (from a sample), the property that names each label's nodes, and the full-text index search
 * can use. Kept for a few seconds per Database, as a cache only: every copy of the server reads it
 * from Neo4j itself. It is also the allow-list for labels and types in requests.
 */
import type { SchemaInfo } from '../contract';
import { BadRequestError } from '../errors';
import { allowedIdentifier, integer, type Database } from '../neo4j';
import { chooseNameProperty } from './display-name';

const TTL_MS = 10_000;
const SAMPLE = 500;

interface Entry {
  at: number;
  schema: Promise<SchemaInfo>;
  /** The discovered schema once the promise has settled. */
  settled?: SchemaInfo;
  refreshing?: boolean;
}

const cache = new WeakMap<Database, Entry>();

export interface SearchIndex {
  name: string;
  labels: string[];
  properties: string[];
}

export interface DiscoveredSchema extends SchemaInfo {
  labelSet: ReadonlySet<string>;
  typeSet: ReadonlySet<string>;
  fulltext: SearchIndex | null;
}

async function counts(database: Database): Promise<{ labels: Map<string, number>; types: Map<string, number> }> {
  const names = (await database.read('schema-info/labels-and-types')).records[0];
  const labelNames = (names?.get('labels') as string[] | undefined) ?? [];
  const typeNames = (names?.get('types') as string[] | undefined) ?? [];
  const labels = new Map(labelNames.map((name) => [name, 0]));
  const types = new Map(typeNames.map((name) => [name, 0]));
  const stats = (await database.read('schema-info/graph-counts')).records[0];
  for (const entry of (stats?.get('labels') as { name: string; count: unknown }[] | undefined) ?? []) {
    if (labels.has(entry.name)) labels.set(entry.name, Number(entry.count));
  }
  for (const entry of (stats?.get('types') as { name: string; count: unknown }[] | undefined) ?? []) {
    if (types.has(entry.name)) types.set(entry.name, Number(entry.count));
  }
  return { labels, types };
}

async function sampleKeys(database: Database, name: 'schema-info/label-properties' | 'schema-info/type-properties', fill: Record<string, string>): Promise<string[]> {
  const result = await database.readTemplate(name, fill, { sample: integer(SAMPLE) });
  return result.records.map((record) => String(record.get('key')));
}

async function discover(database: Database): Promise<DiscoveredSchema> {
  const { labels, types } = await counts(database);
  const labelSet = new Set(labels.keys());
  const typeSet = new Set(types.keys());
  const labelInfo = [];
  for (const [name, count] of [...labels].sort(([a], [b]) => a.localeCompare(b))) {
    const properties = await sampleKeys(database, 'schema-info/label-properties', { label: allowedIdentifier(name, labelSet) });
    labelInfo.push({ name, count, properties, nameProperty: chooseNameProperty(properties) });
  }
  const typeInfo = [];
  for (const [name, count] of [...types].sort(([a], [b]) => a.localeCompare(b))) {
    const properties = await sampleKeys(database, 'schema-info/type-properties', { type: allowedIdentifier(name, typeSet) });
    typeInfo.push({ name, count, properties });
  }
  const indexes = (await database.read('schema-info/fulltext-indexes')).records.map((record) => ({
    name: String(record.get('name')),
    labels: record.get('labels') as string[],
    properties: record.get('properties') as string[],
  }));
  const fulltext = indexes.find((index) => index.name === 'entity_names') ?? indexes[0] ?? null;
  return { labels: labelInfo, relationshipTypes: typeInfo, searchIndex: fulltext?.name ?? null, labelSet, typeSet, fulltext };
}

/**
 * The schema, read at most every few seconds. Past that, requests are answered with the schema
 * already read while a new one is read behind them (no request waits on discovery but the first),
 * unless `current` asks to wait for it (GET /api/schema). `fresh` reads it now (after a miss in the
 * allow-list).
 */
export function getSchema(database: Database, options: { fresh?: boolean; current?: boolean } = {}): Promise<DiscoveredSchema> {
  const entry = cache.get(database);
  if (entry && !options.fresh) {
    if (Date.now() - entry.at < TTL_MS) return entry.schema as Promise<DiscoveredSchema>;
    if (entry.settled && !options.current) {
      if (!entry.refreshing) {
        entry.refreshing = true;
        const next = discover(database);
        next.then(
          (schema) => cache.set(database, { at: Date.now(), schema: next, settled: schema }),
          () => (entry.refreshing = false),
        );
      }
      return Promise.resolve(entry.settled as DiscoveredSchema);
    }
  }
  const schema = discover(database);
  const created: Entry = { at: Date.now(), schema };
  cache.set(database, created);
  schema.then(
    (value) => (created.settled = value),
    () => {
      if (cache.get(database) === created) cache.delete(database);
    },
  );
  return schema;
}

export function publicSchema(schema: DiscoveredSchema): SchemaInfo {
  return { labels: schema.labels, relationshipTypes: schema.relationshipTypes, searchIndex: schema.searchIndex };
}

function listNames(names: Iterable<string>): string {
  const all = [...names];
  return all.length === 0 ? '(none: the database is empty)' : all.length > 30 ? `${all.slice(0, 30).join(', ')}, ...` : all.join(', ');
}

/** Checks a label against the database's labels (reading them again once on a miss). */
export async function requireLabel(database: Database, label: string, parameter = 'label'): Promise<DiscoveredSchema> {
  let schema = await getSchema(database);
  if (!schema.labelSet.has(label)) schema = await getSchema(database, { fresh: true });
  if (!schema.labelSet.has(label)) {
    throw new BadRequestError(`Unknown ${parameter} '${label}': the database has no such label. Its labels are ${listNames(schema.labelSet)}.`);
  }
  return schema;
}

/** Checks relationship types against the database's types (reading them again once on a miss). */
export async function requireTypes(database: Database, typeNames: string[], parameter = 'type'): Promise<DiscoveredSchema> {
  let schema = await getSchema(database);
  if (typeNames.some((name) => !schema.typeSet.has(name))) schema = await getSchema(database, { fresh: true });
  const unknown = typeNames.find((name) => !schema.typeSet.has(name));
  if (unknown !== undefined) {
    throw new BadRequestError(`Unknown ${parameter} '${unknown}': the database has no such relationship type. Its types are ${listNames(schema.typeSet)}.`);
  }
  return schema;
}
