/**
 * The outage banner: shown when a request finds Neo4j (or the server) unreachable, it checks
 * /api/health every few seconds and goes away by itself when Neo4j answers again. The canvas is
 * left as it is; what failed can be done again once the banner is gone.
 */
import type { HealthReport } from '../../../server/contract';
import { fill, h } from '../ui/dom';

export const OUTAGE_RETRY_MS = 3_000;

export class OutageBanner {
  private timer = 0;
  private checking = false;

  constructor(
    private readonly element: HTMLElement,
    private readonly health: () => Promise<HealthReport>,
    private readonly back: () => void,
  ) {}

  get shown(): boolean {
    return !this.element.hidden;
  }

  /** Shows the banner (once) and starts checking; `server` when it is the Fingraph server that does not answer. */
  show(reason: string, server = false): void {
    const retry = h('button', { type: 'button', onclick: () => void this.check() }, 'Retry now');
    const heading = server ? 'The Fingraph server does not answer.' : 'Neo4j is not reachable.';
    fill(
      this.element,
      h('strong', {}, `${heading} `),
      h('span', { 'data-testid': 'outage-reason' }, reason.startsWith(heading) ? reason.slice(heading.length).trim() : reason),
      h('span', { class: 'muted' }, ` Checking again every ${OUTAGE_RETRY_MS / 1000} s; the canvas stays as it is.`),
      retry,
    );
    if (this.shown) return;
    this.element.hidden = false;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.check(), OUTAGE_RETRY_MS);
  }

  private async check(): Promise<void> {
    if (this.checking || !this.shown) return;
    this.checking = true;
    try {
      const report = await this.health();
      if (report.status === 'ok') {
        clearTimeout(this.timer);
        this.element.hidden = true;
        this.back();
        return;
      }
    } catch {
      // The server itself does not answer: keep checking.
    } finally {
      this.checking = false;
    }
    this.schedule();
  }
}
