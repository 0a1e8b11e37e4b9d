/**
 * Every query the app runs lives in cypher/, one per file, with a comment header that says what it
 * returns and which parameters it takes. They are read once at start-up into a typed map; a missing
 * file fails the start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/** The queries the app runs, by their path under cypher/ without the extension. */
export const QUERY_NAMES = [
  'health/components',
  'graph/start-view',
  'graph/subgraph',
  'schema-info/labels-and-types',
  'schema-info/graph-counts',
  'schema-info/label-properties',
  'schema-info/type-properties',
  'schema-info/fulltext-indexes',
  'search/fulltext',
  'search/scan',
  'nodes/node',
  'nodes/exists',
  'nodes/neighbors',
  'nodes/neighbors-group',
  'relationships/relationship',
  'paths/shortest',
  'console/property-keys',
  'console/functions',
  'console/procedures',
  'console/endpoints',
  'console/running',
  'console/terminate',
  'console/stuck',
  'seed/count-nodes',
  'seed/delete-all',
  'seed/find-ids',
  'seed/merge-nodes',
  'seed/merge-relationships',
  'seed/replace-nodes',
  'seed/replace-relationships',
  'seed/relationship-types',
  'seed/find-relationship-ids',
  'changes/model-constraints',
  'changes/sources',
  'changes/node-by-key',
  'changes/node-by-element-id',
  'changes/relationship-by-key',
  'changes/relationship-by-element-id',
  'changes/node-relationships',
  'changes/citing-relationships',
  'changes/node-key-taken',
  'changes/relationship-key-taken',
  'changes/create-node',
  'changes/replace-node-properties',
  'changes/delete-node',
  'changes/node-degree',
  'changes/create-relationship',
  'changes/replace-relationship-properties',
  'changes/delete-relationship',
  'changes/record-change',
  'changes/change',
  'changes/history',
  'keys/node',
  'keys/relationship',
  'keys/nodes',
  'keys/unchanged',
  'extract/known-entities',
  'extract/relationships-between',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];
export type QueryMap = Readonly<Record<QueryName, string>>;

export class MissingQueryError extends Error {
  override name = 'MissingQueryError';
}

/** Reads a .cypher file, keeping the statement and dropping the comment lines of its header. */
export function readCypherFile(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

export function loadQueries(dir: string = CYPHER_DIR): QueryMap {
  const entries = QUERY_NAMES.map((name) => {
    const file = path.join(dir, `${name}.cypher`);
    if (!fs.existsSync(file)) {
      throw new MissingQueryError(`The query file ${file} is missing: every query in QUERY_NAMES needs its .cypher file.`);
    }
    const text = readCypherFile(file);
    if (text === '') throw new MissingQueryError(`The query file ${file} holds no statement.`);
    return [name, text] as const;
  });
  return Object.freeze(Object.fromEntries(entries) as Record<QueryName, string>);
}

/**
 * The schema statements (constraints and indexes) of cypher/schema.cypher, in order. Unlike the
 * query files, the schema file holds several statements, each ending with a semicolon.
 */
export function loadSchemaStatements(dir: string = CYPHER_DIR): string[] {
  return readCypherFile(path.join(dir, 'schema.cypher'))
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}
