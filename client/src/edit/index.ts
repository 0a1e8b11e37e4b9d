/**
 * Editing the graph by hand from the explorer (issue 16): create an entity, edit a node's
 * properties, connect two nodes (with evidence), delete a relationship or a node, merge two
 * duplicates, and the inspector's history with revert. Every write is one change of the change API;
 * the canvas is brought up to date after each.
 */
import { authorOf } from './author';
import './edit.css';
import type { ChangeRecord, ChangeRequest, ChangeResult, EditModel, GraphEdge, GraphNode, SchemaInfo } from '../../../server/contract';
import { api } from '../api';
import type { MenuItem } from '../menu';
import type { Position, ViewState } from '../state';
import { h } from '../ui/dom';
import { toast } from '../ui/toast';
import { applyRefreshed, keyOf, readTouched, withoutOutdated } from './canvas';
import { connectForm } from './connect-form';
import type { AfterChange, EditContext } from './context';
import { createEntityForm, editNodeForm, editRelationshipForm } from './entity-forms';
import { HistoryCache, historySection } from './history';
import { deleteNodeForm, deleteRelationshipForm, mergeForm } from './remove-forms';

export { applyRefreshed, keyOf } from './canvas';
export * from './rules';

/** What the editor needs from the page around it. */
export interface EditorHost {
  state(): ViewState;
  /**
   * Makes the canvas show `next` (one step of the explorer's undo history), after bringing every
   * other state of that history up to date with `outdated` (what a change deleted or edited).
   */
  change(next: ViewState, outdated: (state: ViewState) => ViewState): void;
  inspectNode(id: string): void;
  inspectEdge(id: string): void;
  refreshInspector(): void;
  name(id: string): string;
  /** Where a new node with no neighbour on the canvas goes (the selected node, or the middle of the view). */
  near(): Position | null;
}

export type InspectedElement = { kind: 'node'; node: GraphNode } | { kind: 'edge'; edge: GraphEdge };

export class Editor {
  private model: Promise<EditModel> | null = null;
  private schema: Promise<SchemaInfo> | null = null;
  private readonly histories = new HistoryCache();
  /** The edge the inspector shows (its panel is redrawn after a change). */
  private inspectedEdge: string | null = null;
  /** What the forms use of the page (the article panel too). */
  readonly context: EditContext;

  constructor(private readonly host: EditorHost) {
    this.context = {
      model: () => (this.model ??= api.editModel().catch((error: unknown) => ((this.model = null), Promise.reject(error)))),
      schema: () => (this.schema ??= api.schema()),
      state: () => host.state(),
      send: (request, after) => this.send(request, after),
      revert: (id, comment) => this.revert(id, comment),
      name: (id) => host.name(id),
      nameOfKey: (key) => {
        const node = Object.values(host.state().nodes).find((each) => keyOf(each.data) === key);
        return node ? host.name(node.data.id) : key;
      },
      node: (id) => host.state().nodes[id]?.data ?? null,
    };
  }

  /** Whether an edit form is open (the canvas's keys stay out of its way). */
  get open(): boolean {
    return document.querySelector('dialog.edit-dialog[open]') !== null;
  }

  createEntity(): void {
    void createEntityForm(this.context, this.host.near()).catch((error: Error) => toast(`Could not open the form: ${error.message}`, 'error'));
  }

  editNode(id: string): void {
    const node = this.host.state().nodes[id];
    if (node) editNodeForm(this.context, node.data);
  }

  connect(id: string, other: string | null = null): void {
    void connectForm(this.context, id, other).catch((error: Error) => toast(`Could not open the form: ${error.message}`, 'error'));
  }

  merge(id: string, other: string | null = null): void {
    mergeForm(this.context, id, other);
  }

  deleteNode(id: string): void {
    deleteNodeForm(this.context, id);
  }

  deleteEdge(id: string): void {
    const edge = this.host.state().edges[id];
    if (edge) deleteRelationshipForm(this.context, edge);
  }

  editEdge(id: string): void {
    const edge = this.host.state().edges[id];
    if (edge) editRelationshipForm(this.context, edge);
  }

  /** The node menu's edit section; with two nodes selected, Connect and Merge take the other one. */
  nodeMenuItems(id: string, selection: string[]): MenuItem[] {
    const other = selection.length === 2 && selection.includes(id) ? selection.find((each) => each !== id)! : null;
    const toOther = other ? ` to ${this.host.name(other)}` : '';
    return [
      { text: 'Edit properties…', run: () => this.editNode(id), testId: 'menu-edit' },
      { text: `Connect${toOther}…`, run: () => this.connect(id, other), testId: 'menu-connect' },
      { text: other ? `Merge with ${this.host.name(other)}…` : 'Merge with a duplicate…', run: () => this.merge(id, other), testId: 'menu-merge' },
      { text: 'Delete from the database…', run: () => this.deleteNode(id), testId: 'menu-delete' },
    ];
  }

  edgeMenuItems(id: string): MenuItem[] {
    return [
      { text: 'Edit properties…', run: () => this.editEdge(id), testId: 'menu-edit-relationship' },
      { text: 'Delete from the database…', run: () => this.deleteEdge(id), testId: 'menu-delete-relationship' },
    ];
  }

  /** The inspector's edit buttons and history for what it shows. */
  tools(target: InspectedElement): HTMLElement {
    this.inspectedEdge = target.kind === 'edge' ? target.edge.id : null;
    const button = (text: string, testId: string, run: () => void): HTMLButtonElement => h('button', { type: 'button', 'data-testid': testId, onclick: run }, text);
    const selection = Object.values(this.host.state().nodes).filter((node) => node.data.id !== (target.kind === 'node' ? target.node.id : ''));
    const tools =
      target.kind === 'node'
        ? [
            button('Edit…', 'inspector-edit', () => this.editNode(target.node.id)),
            selection.length > 0 ? button('Connect…', 'inspector-connect', () => this.connect(target.node.id)) : null,
            selection.length > 0 ? button('Merge…', 'inspector-merge', () => this.merge(target.node.id)) : null,
            button('Delete…', 'inspector-delete', () => this.deleteNode(target.node.id)),
          ]
        : [button('Edit…', 'inspector-edit-relationship', () => this.editEdge(target.edge.id)), button('Delete…', 'inspector-delete-relationship', () => this.deleteEdge(target.edge.id))];
    const key = keyOf(target.kind === 'node' ? target.node : target.edge);
    return h('div', { class: 'edit-inspector' }, h('div', { class: 'edit-tools', role: 'group', 'aria-label': 'Edit' }, ...tools), historySection(this.context, this.histories, key));
  }

  private async send(request: ChangeRequest, after: AfterChange = {}): Promise<ChangeResult> {
    const result = await api.change({ ...authorOf(), ...request });
    await this.changed(result.change, after, result.keys);
    return result;
  }

  private async revert(id: string, comment: string): Promise<ChangeResult> {
    const result = await api.revert(id, { comment, ...authorOf() });
    await this.changed(result.change, { addNew: true, near: this.host.near() }, {});
    return result;
  }

  /** After a change: forget what it may have made stale, and bring the canvas up to date. */
  private async changed(change: ChangeRecord, after: AfterChange, keys: Record<string, string>): Promise<void> {
    this.histories.clear();
    this.model = null;
    try {
      const refreshed = await readTouched(change, (after.bring ?? []).map((ref) => keys[ref] ?? ref));
      const at = new Map(Object.entries(after.placeAt ?? {}).map(([ref, position]) => [keys[ref] ?? ref, position]));
      this.host.change(applyRefreshed(this.host.state(), refreshed, { addNew: after.addNew ?? false, near: after.near ?? null, at }), (state) => withoutOutdated(state, refreshed));
    } catch (error) {
      toast(`Saved, but the canvas could not be brought up to date: ${(error as Error).message}. Reload the view to see the change.`, 'error');
    }
    toast(`Saved: ${change.comment}`);
    const selected = after.select ? (keys[after.select] ?? after.select) : null;
    const node = selected ? Object.values(this.host.state().nodes).find((each) => keyOf(each.data) === selected) : undefined;
    if (node) this.host.inspectNode(node.data.id);
    else if (this.inspectedEdge && this.host.state().edges[this.inspectedEdge]) this.host.inspectEdge(this.inspectedEdge);
    else this.host.refreshInspector();
  }
}
