/**
 * Starts the run's shared throwaway Neo4j (once, for the integration and browser tests) and hands
 * its connection to the tests through the environment.
 */
import { createThrowawayNeo4j, type ThrowawayNeo4j } from './throwaway-neo4j';

declare global {
  var fingraphTestNeo4j: ThrowawayNeo4j | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (globalThis.fingraphTestNeo4j) return;
  const began = Date.now();
  const neo4j = await createThrowawayNeo4j('test');
  globalThis.fingraphTestNeo4j = neo4j;
  process.env.FINGRAPH_TEST_NEO4J = JSON.stringify(neo4j.connection);
  process.stdout.write(`\nThrowaway Neo4j for the tests on ${neo4j.connection.uri} in ${neo4j.settings.home} (started in ${((Date.now() - began) / 1000).toFixed(1)} s)\n`);
}
