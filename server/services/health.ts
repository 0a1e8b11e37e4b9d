/**
 * The health report: the API's version, and whether Neo4j answers, with its address, version and
 * edition. `details: false` (a public deployment) leaves out the address, version, edition and the
 * driver's message: only whether Neo4j answers.
 */
import type { HealthReport } from '../contract';
import { describeUri, type Database } from '../neo4j';
import type { ConsoleWatchdog } from './console-watchdog';

/**
 * With a console watchdog, the report also lists console transactions that ignore termination
 * (not in a public deployment: they name clients; the log has them there).
 */
export async function getHealth(database: Database, apiVersion: string, options: { details: boolean; consoleWatchdog?: ConsoleWatchdog } = { details: true }): Promise<HealthReport> {
  const neo4j = options.details
    ? { uri: describeUri(database.connection.uri), database: database.connection.database ?? null }
    : { uri: null, database: null };
  const consoleReport = options.consoleWatchdog && options.details ? { console: options.consoleWatchdog.report() } : {};
  try {
    const server = await database.verify();
    const about = options.details ? server : { version: null, edition: null };
    return { status: 'ok', api: { version: apiVersion }, neo4j: { ...neo4j, reachable: true, ...about }, ...consoleReport };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'unavailable',
      api: { version: apiVersion },
      neo4j: { ...neo4j, reachable: false, version: null, edition: null, error: options.details ? message : 'Neo4j does not answer.' },
      ...consoleReport,
    };
  }
}
