/** Neo4j access: the only module that imports neo4j-driver (driver.ts, with convert.ts for its value types). */
export { Admission, DEFAULT_MAX_CONCURRENT, DEFAULT_QUEUE_TIMEOUT_MS } from './admission';
export type { ConsoleRows, ConsoleTransaction } from './console-transaction';
export { Database, type DatabaseOptions, type ServerInfo } from './database';
export { describeUri, type Neo4jRecord } from './driver';
export { consoleError, errorPosition, mapDriverError, type QueryPosition } from './errors';
export { collectGraph, integer, toConsoleValue, toEdge, toEdges, toNode, toNodes, toPath, toPlain, toProperties } from './convert';
export { loadQueries, loadSchemaStatements, MissingQueryError, QUERY_NAMES, type QueryMap, type QueryName } from './queries';
export { allowedIdentifier, cypher, joinFragments, quoteIdentifier, renderTemplate, TemplateError, type CypherFragment, type Fill, type Identifier } from './template';
export { fromStoredProperties, fromStoredValue, storedToPlain, toStoredProperties, toStoredValue, UnstorableValueError } from './stored';
export type { Node as Neo4jNode, Relationship as Neo4jRelationship } from 'neo4j-driver';
export type { TransactionRun } from './database';
