/** The status line in the header: whether the API and Neo4j answer (text only, never HTML). */
import type { HealthReport } from '../../../server/contract';

export function showHealth(element: HTMLElement, report: HealthReport | Error): void {
  if (report instanceof Error) {
    element.dataset.state = 'down';
    element.textContent = report.message;
    return;
  }
  element.dataset.state = report.status === 'ok' ? 'ok' : 'down';
  element.textContent =
    report.status === 'ok'
      ? `Neo4j ${report.neo4j.version ?? ''} ${report.neo4j.edition ?? ''} · connected`
      : `Neo4j unavailable: ${report.neo4j.error ?? 'no answer'}`;
  element.title = report.neo4j.uri;
}
