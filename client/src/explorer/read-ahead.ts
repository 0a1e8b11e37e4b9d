/**
 * Pages of a node's neighbours, read ahead: a click on a node may be the first of a double-click, so
 * the page that a double-click would expand is asked for at the click, and the expansion takes it
 * (a person's two clicks are 100–250 ms apart) instead of waiting for the server.
 */
import type { Direction, NeighborPage } from '../../../server/contract';
import { api, whileLoading } from '../api';

/** How long a page read ahead at a click may stand in for the expansion's own request. */
const READ_AHEAD_MS = 2_000;

export interface PageQuery {
  type: string | null;
  direction: Direction | 'both';
  cursor: string | null;
  limit: number;
}

function pageKey(id: string, query: PageQuery): string {
  return JSON.stringify([id, query.type, query.direction, query.cursor, query.limit]);
}

export class NeighbourPages {
  /** The page read ahead at the last click on a node. */
  private ahead: { key: string; at: number; page: Promise<NeighborPage>; controller: AbortController } | null = null;

  /** Asks for this page now (speculatively: it shows no progress and reports no error), unless it was just asked for. */
  readAhead(id: string, query: PageQuery): void {
    const key = pageKey(id, query);
    if (this.ahead?.key === key && performance.now() - this.ahead.at < READ_AHEAD_MS) return;
    this.ahead?.controller.abort();
    const controller = new AbortController();
    const page = api.neighbors(id, { ...query, signal: controller.signal, speculative: true });
    page.catch(() => undefined);
    this.ahead = { key, at: performance.now(), page, controller };
  }

  /** The page, from what was read ahead when it is that page and fresh, else from the API. */
  page(id: string, query: PageQuery): Promise<NeighborPage> {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead && ahead.key === pageKey(id, query) && performance.now() - ahead.at < READ_AHEAD_MS) {
      // Waited for, it shows as loading; if it failed, it is asked again as a request of its own
      // (retried, its error reported).
      return whileLoading(ahead.page).catch(() => api.neighbors(id, query));
    }
    ahead?.controller.abort();
    return api.neighbors(id, query);
  }
}
