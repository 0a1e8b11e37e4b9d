import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CYPHER_DIR } from '../../server/neo4j/queries';
import { loadQueries, loadSchemaStatements, MissingQueryError, QUERY_NAMES } from '../../server/neo4j';
import { loadModel } from '../../server/seed';

test('every query the app names is loaded from its own .cypher file, without its comment header', () => {
  const queries = loadQueries();
  for (const name of QUERY_NAMES) {
    expect(queries[name]).not.toMatch(/^\s*\/\//m);
    expect(queries[name].length).toBeGreaterThan(10);
  }
});

test('every query file starts with a comment header that names its parameters', () => {
  for (const name of QUERY_NAMES) {
    const text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    expect(text.startsWith('//')).toBe(true);
    expect(text).toMatch(/Parameters:/);
  }
});

test('a missing query file fails the start, naming the file', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-cypher-'));
  try {
    expect(() => loadQueries(empty)).toThrow(MissingQueryError);
    expect(() => loadQueries(empty)).toThrow('health/components.cypher');
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('the schema has an idempotent uniqueness constraint on id for every label and relationship type of the model, and the name index', () => {
  const statements = loadSchemaStatements();
  expect(statements.every((statement) => statement.includes('IF NOT EXISTS'))).toBe(true);
  for (const label of Object.keys(loadModel().labels)) {
    expect(statements.some((statement) => statement.includes(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`))).toBe(true);
  }
  for (const type of Object.keys(loadModel().relationshipTypes)) {
    expect(statements.some((statement) => statement.includes(`FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`))).toBe(true);
  }
  expect(statements.some((statement) => statement.startsWith('CREATE FULLTEXT INDEX entity_names'))).toBe(true);
});
