/**
 * Whether the API and Neo4j answer: the header's status line and, when they do not, the outage
 * banner, which checks every few seconds until they are back and then calls `back` (to pick up
 * what could not load). Checked at start and every 15 s, and whenever a request finds them gone.
 */
import { api, onOutage } from '../api';
import { showHealth } from './index';
import { OutageBanner } from './outage';

const CHECK_EVERY_MS = 15_000;

export function watchHealth(status: HTMLElement, banner: HTMLElement, back: () => void): void {
  const outage = new OutageBanner(banner, () => api.health().then((report) => (showHealth(status, report), report)), back);
  onOutage((error) => {
    showHealth(status, error);
    outage.show(error.message, error.status === 0);
  });
  const check = (): void =>
    void api.health().then(
      (report) => {
        showHealth(status, report);
        if (report.status !== 'ok') outage.show(report.neo4j.error ?? 'It does not answer.');
      },
      (error: Error) => {
        showHealth(status, error);
        outage.show(error.message, true);
      },
    );
  check();
  setInterval(check, CHECK_EVERY_MS);
}
