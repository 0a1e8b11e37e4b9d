/**
 * The neighbours of the node in the inspector, by relationship type and direction, with their names:
 * the first few of each group from the API's neighbours endpoint (paged, so that a node with
 * thousands of neighbours costs one small page per group), "more" for the next page. Each name is a
 * button: it focuses the neighbour when it is on the canvas, and adds it with its relationship when
 * it is not. Names go in as text.
 */
import type { Direction, GraphEdge, GraphNode } from '../../../server/contract';
import { api } from '../api';
import { displayName } from '../graph';
import type { ViewState } from '../state';
import { h } from '../ui/dom';

/** Neighbours listed per group, and per "more". */
export const NEIGHBOURS_PER_PAGE = 10;
/** Groups read at once (the others wait their turn), so that a node of many types does not flood the API. */
const READ_AT_ONCE = 2;

export interface Neighbour {
  node: GraphNode;
  /** The relationship that joins it to the inspected node. */
  edge: GraphEdge;
}

interface GroupList {
  neighbours: Neighbour[];
  cursor: string | null;
  total: number;
  /** A page is being read. */
  reading: boolean;
  error: string | null;
}

export interface NeighbourActions {
  state(): ViewState;
  focusNode(id: string): void;
  addNeighbour(anchor: string, neighbour: Neighbour): void;
  /** The lists changed (a page came): the inspector draws them again. */
  changed(): void;
}

const groupKey = (type: string, direction: Direction): string => `${direction}:${type}`;

/**
 * The pairs of a page as neighbours of `anchor`: each relationship with the node at its other end
 * (the node itself for a relationship to itself), in the page's order. Pure.
 */
export function neighboursOf(anchor: string, page: { nodes: GraphNode[]; edges: GraphEdge[] }): Neighbour[] {
  const nodes = new Map(page.nodes.map((node) => [node.id, node]));
  return page.edges.flatMap((edge) => {
    const other = edge.source === anchor ? edge.target : edge.source;
    const node = nodes.get(other);
    return node ? [{ node, edge }] : [];
  });
}

/** The lists of one node's groups; a new node starts new lists (the old node's reads are dropped). */
export class NeighbourLists {
  private anchor: string | null = null;
  private readonly lists = new Map<string, GroupList>();
  private queue: Array<() => Promise<void>> = [];
  private running = 0;

  constructor(private readonly actions: NeighbourActions) {}

  /** Starts reading the first page of each group of `anchor` (once per node shown). */
  load(anchor: string, groups: ReadonlyArray<{ type: string; direction: Direction; count: number }>): void {
    if (this.anchor !== anchor) this.reset(anchor);
    for (const group of groups) {
      const key = groupKey(group.type, group.direction);
      if (this.lists.has(key)) continue;
      this.lists.set(key, { neighbours: [], cursor: null, total: group.count, reading: true, error: null });
      this.enqueue(anchor, group.type, group.direction);
    }
  }

  /** Forgets the lists (another node, or nothing, is inspected). */
  reset(anchor: string | null = null): void {
    this.anchor = anchor;
    this.lists.clear();
    this.queue = [];
  }

  private enqueue(anchor: string, type: string, direction: Direction): void {
    this.queue.push(() => this.read(anchor, type, direction));
    this.pump();
  }

  private pump(): void {
    while (this.running < READ_AT_ONCE && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.running += 1;
      void next().finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async read(anchor: string, type: string, direction: Direction): Promise<void> {
    const list = this.lists.get(groupKey(type, direction));
    if (this.anchor !== anchor || !list) return;
    try {
      const page = await api.neighbors(anchor, { type, direction, limit: NEIGHBOURS_PER_PAGE, cursor: list.cursor });
      if (this.anchor !== anchor || this.lists.get(groupKey(type, direction)) !== list) return;
      list.neighbours.push(...neighboursOf(anchor, page));
      list.cursor = page.cursor;
      list.total = page.total;
      list.error = null;
    } catch (error) {
      if (this.anchor !== anchor) return;
      list.error = `Could not read these neighbours: ${(error as Error).message}`;
    } finally {
      if (this.anchor === anchor) {
        list.reading = false;
        this.actions.changed();
      }
    }
  }

  /** The next page of a group. */
  more(type: string, direction: Direction): void {
    const list = this.lists.get(groupKey(type, direction));
    if (!this.anchor || !list || list.reading || !list.cursor) return;
    list.reading = true;
    this.actions.changed();
    this.enqueue(this.anchor, type, direction);
  }

  /** The names of a group, as a list of buttons, with "more" when there are more. */
  draw(anchor: string, type: string, direction: Direction): HTMLElement | null {
    if (this.anchor !== anchor) return null;
    const list = this.lists.get(groupKey(type, direction));
    if (!list) return null;
    const state = this.actions.state();
    const items = list.neighbours.map((neighbour) => {
      const onCanvas = state.nodes[neighbour.node.id] !== undefined;
      const name = displayName(neighbour.node);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: onCanvas ? 'link neighbour' : 'link neighbour off-canvas',
            title: onCanvas ? `${name}: on the canvas; click to focus it` : `${name}: not on the canvas; click to add it with its ${type} relationship`,
            'data-testid': 'neighbour',
            'data-on-canvas': String(onCanvas),
            onclick: () => (onCanvas ? this.actions.focusNode(neighbour.node.id) : this.actions.addNeighbour(anchor, neighbour)),
          },
          onCanvas ? null : h('span', { class: 'neighbour-add', 'aria-hidden': 'true' }, '+ '),
          name,
        ),
      );
    });
    const shown = list.neighbours.length;
    const left = Math.max(0, list.total - shown);
    return h(
      'div',
      { class: 'neighbours', 'data-testid': `neighbours-${type}-${direction}` },
      items.length > 0 ? h('ul', { class: 'neighbour-list' }, ...items) : null,
      list.error ? h('p', { class: 'error small' }, list.error) : null,
      list.reading
        ? h('p', { class: 'muted small' }, shown === 0 ? 'Reading the names…' : 'Reading more…')
        : list.cursor && left > 0
          ? h(
              'button',
              { type: 'button', class: 'more', onclick: () => this.more(type, direction), 'data-testid': 'neighbours-more' },
              `${Math.min(NEIGHBOURS_PER_PAGE, left)} more (${shown.toLocaleString('en-US')} of ${list.total.toLocaleString('en-US')} shown)`,
            )
          : null,
    );
  }
}
