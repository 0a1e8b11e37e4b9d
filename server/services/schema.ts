/** Applies cypher/schema.cypher: constraints and indexes, each statement idempotent (IF NOT EXISTS). */
import { loadSchemaStatements, type Database } from '../neo4j';

export async function applySchema(database: Database): Promise<number> {
  const statements = loadSchemaStatements();
  for (const statement of statements) {
    await database.runStatement(statement);
  }
  return statements.length;
}

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const result = await database.read('seed/count-nodes');
  return Number(result.records[0]?.get('nodes') ?? 0) === 0;
}
