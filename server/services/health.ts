/** The health report: the API's version, and whether Neo4j answers, with its version and edition. */
import type { HealthReport } from '../contract';
import { describeUri, type Database } from '../neo4j';
import type { ConsoleWatchdog } from './console-watchdog';

/** With a console watchdog, the report also lists console transactions that ignore termination. */
export async function getHealth(database: Database, apiVersion: string, watchdog?: ConsoleWatchdog): Promise<HealthReport> {
  const neo4j = { uri: describeUri(database.connection.uri), database: database.connection.database ?? null };
  const consoleReport = watchdog ? { console: watchdog.report() } : {};
  try {
    const server = await database.verify();
    return { status: 'ok', api: { version: apiVersion }, neo4j: { ...neo4j, reachable: true, ...server }, ...consoleReport };
  } catch (error) {
    return {
      status: 'unavailable',
      api: { version: apiVersion },
      neo4j: { ...neo4j, reachable: false, version: null, edition: null, error: error instanceof Error ? error.message : String(error) },
      ...consoleReport,
    };
  }
}
