/** What the edit forms need from the explorer around them. */
import type { ChangeRequest, ChangeResult, EditModel, GraphNode, SchemaInfo } from '../../../server/contract';
import type { Position, ViewState } from '../state';

export interface AfterChange {
  /** Draw the nodes the change created (placed near their neighbours, else near `near`). */
  addNew?: boolean;
  near?: Position | null;
  /** Select and inspect the node with this `ref` (or key) afterwards. */
  select?: string;
  /** Where to draw nodes, by their `ref` in the change (or key): drawn there even without `addNew` (an article's preview places them). */
  placeAt?: Record<string, Position>;
  /** Nodes the change did not touch to read and draw too, by `ref` (or key): the ends its new relationships need. */
  bring?: string[];
}

export interface EditContext {
  model(): Promise<EditModel>;
  schema(): Promise<SchemaInfo>;
  state(): ViewState;
  /** Sends the change (refusals throw ApiRequestError), then brings the canvas up to date. */
  send(request: ChangeRequest, after?: AfterChange): Promise<ChangeResult>;
  /** Reverts a change (itself a new change), then brings the canvas up to date. */
  revert(changeId: string, comment: string): Promise<ChangeResult>;
  /** The name the canvas shows for a node (by canvas id). */
  name(id: string): string;
  /** A node's name by its stable key, where the canvas has it (else the key). */
  nameOfKey(key: string): string;
  node(id: string): GraphNode | null;
}
