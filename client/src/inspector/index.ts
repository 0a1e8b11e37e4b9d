/**
 * The inspector: a node's labels, properties and relationship counts (each group expandable, with
 * "next 25 of 340" paging), or a relationship's type, ends, properties and evidence (the quote and
 * the article it comes from). Everything from the database goes in as text.
 */
import type { Direction, Evidence, GraphEdge, GraphNode, NodeDetails, PlainValue, RelationshipDetails } from '../../../server/contract';
import { api } from '../api';
import { displayName, labelStyle } from '../graph';
import { findExpansion, type ViewState } from '../state';
import { fill, h } from '../ui/dom';
import { groupText, valueText, webAddress } from './format';
import { NeighbourLists, type Neighbour } from './neighbours';

export interface InspectorActions {
  state(): ViewState;
  expand(id: string, type: string | null, direction: Direction | 'both'): void;
  focusNode(id: string): void;
  pageSize(): number;
  /** Shows only these nodes and their neighbours on the canvas. */
  showOnly(ids: string[]): void;
  /** Puts a neighbour of `anchor` on the canvas with the relationship that joins them. */
  addNeighbour(anchor: string, neighbour: Neighbour): void;
  /** Edit buttons and history for what is shown (client/src/edit), where editing is wired in. */
  tools?(target: { kind: 'node'; node: GraphNode } | { kind: 'edge'; edge: GraphEdge }): HTMLElement | null;
}

/** Evidence properties shown as evidence, not as raw properties. */
const EVIDENCE_KEYS = new Set(['quotes', 'sourceIds']);

export class Inspector {
  private current: { kind: 'node' | 'edge'; id: string } | { kind: 'selection'; ids: string[] } | null = null;
  private details: NodeDetails | null = null;
  /** The node whose details are being read. */
  private loading: string | null = null;
  /** The names of the inspected node's neighbours, group by group. */
  private readonly neighbours: NeighbourLists;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: InspectorActions,
  ) {
    this.neighbours = new NeighbourLists({
      state: () => this.actions.state(),
      focusNode: (id) => this.actions.focusNode(id),
      addNeighbour: (anchor, neighbour) => this.actions.addNeighbour(anchor, neighbour),
      changed: () => {
        if (this.current?.kind === 'node') this.drawNode(this.current.id);
      },
    });
    this.clear();
  }

  clear(): void {
    this.current = null;
    this.neighbours.reset();
    fill(this.root, h('p', { class: 'muted' }, 'Click a node or a relationship to see its details. Double-click a node to expand it; right-click for more.'));
  }

  /** Shows a node at once from what the canvas has, then its relationship counts from the API. */
  async showNode(id: string): Promise<void> {
    const node = this.actions.state().nodes[id];
    if (!node) return this.clear();
    // The same node again (the second click of a double-click, say): it is shown already, or will be
    // when its request answers; changes to the canvas redraw it through refresh().
    if (this.current?.kind === 'node' && this.current.id === id && (this.loading === id || this.details?.node.id === id)) return;
    this.current = { kind: 'node', id };
    this.details = null;
    this.drawNode(id);
    this.loading = id;
    try {
      const details = await api.node(id);
      if (this.current?.id !== id) return;
      this.details = details;
      this.neighbours.load(id, details.degrees);
      this.drawNode(id);
    } catch (error) {
      if (this.current?.id === id) this.root.append(h('p', { class: 'error' }, `Could not read its relationships: ${(error as Error).message}`));
    } finally {
      if (this.loading === id) this.loading = null;
    }
  }

  /**
   * Several nodes selected: how many, their names (each a link that focuses it), and what the keys
   * do to all of them.
   */
  showSelection(ids: string[]): void {
    this.current = { kind: 'selection', ids };
    this.neighbours.reset();
    this.drawSelection(ids);
  }

  private drawSelection(ids: string[]): void {
    const state = this.actions.state();
    const present = ids.filter((id) => state.nodes[id]);
    if (present.length === 0) return this.clear();
    fill(
      this.root,
      h('h2', { class: 'inspector-title', 'data-testid': 'inspector-title' }, `${present.length} nodes selected`),
      h('p', { class: 'muted small' }, 'E expands, C collapses, H hides, P pins and Del removes all of them. Shift-, Ctrl- or Cmd-click adds or takes away one; a plain click selects one alone.'),
      h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => this.actions.showOnly(present), 'data-testid': 'inspector-show-only' }, 'Show only these and their neighbours')),
      h(
        'ul',
        { class: 'selection', 'data-testid': 'selection-list' },
        ...present.map((id) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => this.actions.focusNode(id) }, displayName(state.nodes[id]!.data)))),
      ),
    );
  }

  /** Redraws what is shown (after an expansion changed the paging, say). */
  refresh(): void {
    if (this.current?.kind === 'selection') this.drawSelection(this.current.ids);
    else if (this.current?.kind === 'node') this.drawNode(this.current.id);
    else if (this.current?.kind === 'edge' && !this.actions.state().edges[this.current.id]) this.clear();
  }

  private drawNode(id: string): void {
    const state = this.actions.state();
    const node = state.nodes[id];
    if (!node) return this.clear();
    const data = node.data;
    const groups = this.details?.degrees ?? null;
    fill(
      this.root,
      h('h2', { class: 'inspector-title', 'data-testid': 'inspector-title' }, displayName(data)),
      h('div', { class: 'chips' }, ...data.labels.map((label) => h('span', { class: 'chip', style: `--chip: ${labelStyle(label).color}` }, label))),
      node.pinned ? h('p', { class: 'muted' }, 'Pinned: layouts leave it where it is.') : null,
      h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => this.actions.showOnly([id]), 'data-testid': 'inspector-show-only' }, 'Show only this and its neighbours')),
      h('h3', {}, 'Relationships'),
      groups === null
        ? h('p', { class: 'muted' }, 'Counting…')
        : groups.length === 0
          ? h('p', { class: 'muted' }, 'None.')
          : h(
              'ul',
              { class: 'groups', 'data-testid': 'relationship-groups' },
              h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => this.actions.expand(id, null, 'both') }, `Expand all (${this.details?.degree ?? 0})`), this.pagingNote(state, id, null, 'both')),
              ...groups.map((group) =>
                h(
                  'li',
                  {},
                  h('button', { type: 'button', class: 'link', onclick: () => this.actions.expand(id, group.type, group.direction), 'data-group': `${group.type}:${group.direction}` }, `${groupText(group.type, group.direction)} (${group.count})`),
                  this.pagingNote(state, id, group.type, group.direction),
                  this.neighbours.draw(id, group.type, group.direction),
                ),
              ),
            ),
      h('h3', {}, 'Properties'),
      propertyTable(data.properties),
      this.actions.tools?.({ kind: 'node', node: data }) ?? null,
      h('p', { class: 'muted small' }, `id ${data.id}`),
    );
  }

  private pagingNote(state: ViewState, id: string, type: string | null, direction: Direction | 'both'): HTMLElement | null {
    const expansion = findExpansion(state, id, type, direction);
    if (!expansion) return null;
    const left = Math.max(0, expansion.total - expansion.loaded);
    if (!expansion.cursor || left === 0) return h('span', { class: 'muted small' }, ` · all ${expansion.total} loaded`);
    return h('button', { type: 'button', class: 'more', onclick: () => this.actions.expand(id, type, direction), 'data-testid': 'more' }, `${Math.min(this.actions.pageSize(), left)} more of ${expansion.total}`);
  }

  async showEdge(id: string): Promise<void> {
    const edge = this.actions.state().edges[id];
    if (!edge) return this.clear();
    this.current = { kind: 'edge', id };
    this.neighbours.reset();
    this.drawEdge(edge, null);
    try {
      const details = await api.relationship(id);
      if (this.current?.id === id) this.drawEdge(edge, details);
    } catch (error) {
      if (this.current?.id === id) this.root.append(h('p', { class: 'error' }, `Could not read its evidence: ${(error as Error).message}`));
    }
  }

  private drawEdge(edge: GraphEdge, details: RelationshipDetails | null): void {
    const state = this.actions.state();
    const end = (nodeId: string): HTMLElement => {
      const node = state.nodes[nodeId];
      return h('button', { type: 'button', class: 'link', onclick: () => this.actions.focusNode(nodeId) }, node ? displayName(node.data) : nodeId);
    };
    const properties = Object.fromEntries(Object.entries(edge.properties).filter(([key]) => !EVIDENCE_KEYS.has(key)));
    fill(
      this.root,
      h('h2', { class: 'inspector-title', 'data-testid': 'inspector-title' }, edge.type),
      h('p', { class: 'edge-ends' }, end(edge.source), ` —${edge.type}→ `, end(edge.target)),
      h('h3', {}, 'Evidence'),
      details === null
        ? h('p', { class: 'muted' }, 'Loading the evidence…')
        : details.evidence.length === 0
          ? h('p', { class: 'muted' }, 'This relationship cites no source.')
          : h(
              'div',
              { 'data-testid': 'evidence' },
              ...details.evidence.map((evidence) => h('figure', { class: 'evidence' }, h('blockquote', { class: 'quote' }, evidence.quote), sourceCaption(evidence.source))),
            ),
      h('h3', {}, 'Properties'),
      propertyTable(properties),
      this.actions.tools?.({ kind: 'edge', edge }) ?? null,
      h('p', { class: 'muted small' }, `id ${edge.id}`),
    );
  }
}

/**
 * Where a quote comes from: the article's title (a link to it when its address is http or https;
 * any other address shown as text), publisher, publication date and the time frame its text gives.
 */
function sourceCaption(source: Evidence['source']): HTMLElement {
  const title = source.name ?? source.id;
  const href = webAddress(source.url);
  return h(
    'figcaption',
    {},
    href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'source-link', 'data-testid': 'source-link' }, title) : title,
    source.publisher ? ` · ${source.publisher}` : '',
    source.published ? h('span', { 'data-testid': 'source-published' }, ' · published ', h('time', { datetime: source.published }, source.published)) : null,
    source.timeFrame ? ` · ${source.timeFrame}` : '',
    source.url && !href ? h('span', { class: 'source-address', 'data-testid': 'source-address' }, ` · ${source.url}`) : null,
  );
}

function propertyTable(properties: Record<string, PlainValue>): HTMLElement {
  const entries = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return h('p', { class: 'muted' }, 'None.');
  return h('dl', { class: 'properties' }, ...entries.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, valueText(value))]));
}
