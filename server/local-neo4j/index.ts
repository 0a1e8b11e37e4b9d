/** The local Neo4j that Fingraph runs when NEO4J_URI is unset: install, start, find, stop, reset. */
export { LocalNeo4jError } from './errors';
export { checkJava, installRuntime, isRuntimeInstalled } from './runtime';
export {
  findLocalNeo4j,
  freePort,
  isPortFree,
  killLocalNeo4j,
  launcherLog,
  resetLocalNeo4j,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jProcess,
} from './process';
export { parseMemorySize, transactionMemoryLimits } from './memory';
export { LocalNeo4jSupervisor, type SupervisorOptions } from './supervisor';
