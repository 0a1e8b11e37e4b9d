/**
 * Helpers for tests that talk to the run's throwaway Neo4j: a Database on it, emptying it, and a
 * fingerprint (counts per label and type, and a checksum of every id and property) that shows
 * whether anything changed.
 */
import crypto from 'node:crypto';
import type { Neo4jConnection } from '../../server/config';
import { Database, loadQueries, type DatabaseOptions } from '../../server/neo4j';
import { loadSeedDataset, writeDataset } from '../../server/seed';
import { applySchema } from '../../server/services/schema';

export function testConnection(): Neo4jConnection {
  const raw = process.env.FINGRAPH_TEST_NEO4J;
  if (!raw) throw new Error('No throwaway Neo4j: run these tests through Jest with the global setup (npm test).');
  return JSON.parse(raw) as Neo4jConnection;
}

export function openDatabase(connection: Neo4jConnection = testConnection(), options: Partial<DatabaseOptions> = {}): Database {
  return Database.create(connection, loadQueries(), { queryTimeoutMs: 30_000, userAgent: 'fingraph-tests', ...options });
}

export async function emptyDatabase(database: Database): Promise<void> {
  await database.runStatement('MATCH (n) DETACH DELETE n');
}

export interface Fingerprint {
  labels: Record<string, number>;
  types: Record<string, number>;
  checksum: string;
}

export async function fingerprint(database: Database): Promise<Fingerprint> {
  const labels = await database.runStatement('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
  const types = await database.runStatement('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
  const content = await database.runStatement(
    `MATCH (n) WITH n ORDER BY elementId(n) RETURN 'n' AS kind, elementId(n) AS id, labels(n) AS labels, properties(n) AS props
     UNION ALL
     MATCH ()-[r]->() WITH r ORDER BY elementId(r) RETURN 'r' AS kind, elementId(r) AS id, [type(r)] AS labels, properties(r) AS props`,
  );
  const hash = crypto.createHash('sha256');
  for (const record of content.records) {
    const props = record.get('props') as Record<string, unknown>;
    const sorted = Object.keys(props).sort().map((key) => [key, String(props[key])]);
    hash.update(JSON.stringify([record.get('kind'), record.get('id'), record.get('labels'), sorted]));
  }
  const toCounts = (rows: typeof labels, key: string) =>
    Object.fromEntries(rows.records.map((record) => [String(record.get(key)), Number(record.get('count'))]));
  return { labels: toCounts(labels, 'label'), types: toCounts(types, 'type'), checksum: hash.digest('hex') };
}

/** Empties the database and loads the default dataset with its schema, indexes online. */
export async function loadSeed(database: Database): Promise<void> {
  await emptyDatabase(database);
  await applySchema(database);
  await writeDataset(database, loadSeedDataset(), { reset: false });
  await database.runStatement('CALL db.awaitIndexes(60)');
}

/** The database's constraints and indexes (name, type, what they cover), to show that none was added or dropped. */
export async function schemaFingerprint(database: Database): Promise<{ constraints: string[]; indexes: string[] }> {
  const constraints = await database.runStatement('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name');
  const indexes = await database.runStatement('SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name');
  const rows = (result: typeof constraints): string[] => result.records.map((record) => JSON.stringify(record.keys.map((key) => record.get(key))));
  return { constraints: rows(constraints), indexes: rows(indexes) };
}
