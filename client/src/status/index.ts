/** The status line in the header: whether the API and Neo4j answer (text only, never HTML). */
import type { HealthReport } from '../../../server/contract';
import { ApiRequestError } from '../api';

/**
 * Whether a failed request means that Neo4j is not reachable: the server answered 503 for its
 * database (not 'Busy', which is load shedding). Decided by status and code, never by the text.
 */
export function neo4jUnreachable(error: Error): boolean {
  return error instanceof ApiRequestError && error.status === 503 && error.problem?.code !== 'Busy';
}

export function showHealth(element: HTMLElement, report: HealthReport | Error): void {
  if (report instanceof Error) {
    // Short on the line (the outage banner says the rest); the whole message on hover.
    element.dataset.state = 'down';
    element.textContent = neo4jUnreachable(report) ? 'Neo4j not reachable' : 'Server not answering';
    element.title = report.message;
    return;
  }
  element.dataset.state = report.status === 'ok' ? 'ok' : 'down';
  element.textContent =
    report.status === 'ok'
      ? `Neo4j ${report.neo4j.version ?? ''} ${report.neo4j.edition ?? ''} · connected`
      : 'Neo4j not reachable';
  const where = report.neo4j.uri ?? 'Neo4j';
  element.title = report.status === 'ok' ? where : `${where}: ${report.neo4j.error ?? 'no answer'}`;
}
