/** Stops the run's throwaway Neo4j and deletes its folder. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.fingraphTestNeo4j?.remove();
  globalThis.fingraphTestNeo4j = undefined;
}
