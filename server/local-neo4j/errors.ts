/** A failure to install, start or stop the local Neo4j; its message says what to do. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}
