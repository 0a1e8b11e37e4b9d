/** Neo4j access: the only module that imports neo4j-driver. */
export { Database, describeUri, errorPosition, mapDriverError, type DatabaseOptions, type ServerInfo } from './database';
export { collectGraph, integer, toEdge, toEdges, toNode, toNodes, toConsoleValue, toPath, toPlain, toProperties } from './convert';
export { loadQueries, loadSchemaStatements, MissingQueryError, QUERY_NAMES, type QueryMap, type QueryName } from './queries';
export { allowedIdentifier, quoteIdentifier, renderTemplate, TemplateError, type Fill } from './template';
