/**
 * The context menus of the canvas: a node's (expand by relationship type and direction, read when
 * it opens; collapse, hide, show only, pin, remove, for the selection when the node is in it;
 * inspect; the ends of a path; the edit tools) and a relationship's (its evidence, remove, edit).
 */
import type { Core } from 'cytoscape';
import { api } from '../api';
import type { Editor } from '../edit';
import type { Explorer } from '../explorer';
import type { Inspector } from '../inspector';
import type { PathsPanel } from '../paths';
import { errorToast } from '../ui/toast';
import { ContextMenu, expandItems } from './index';

export interface CanvasMenuHost {
  explorer: Explorer;
  inspector: Inspector;
  editor: Editor;
  paths: PathsPanel;
  /** Opens the node in the inspector (unfolding the side panel). */
  inspect(id: string): void;
}

export class CanvasMenus {
  // (In the page's main landmark, as everything else.)
  readonly menu = new ContextMenu(document.querySelector<HTMLElement>('main') ?? document.body);

  constructor(
    private readonly cy: Core,
    private readonly host: CanvasMenuHost,
  ) {}

  get open(): boolean {
    return this.menu.open;
  }

  /** The menu of node `id` at (x, y) in the window. */
  openNode(id: string, x: number, y: number): void {
    const { explorer, editor, paths } = this.host;
    const node = explorer.state.nodes[id];
    if (!node) return;
    const selection = this.cy.nodes(':selected').map((each) => each.id());
    const targets = selection.includes(id) && selection.length > 1 ? selection : [id];
    const many = targets.length > 1 ? ` (${targets.length} selected)` : '';
    const rest = [
      [
        { text: `Collapse${many}`, run: () => explorer.collapse(targets), testId: 'menu-collapse' },
        { text: `Hide${many}`, run: () => explorer.hide(targets), testId: 'menu-hide' },
        { text: targets.length > 1 ? `Show only these and their neighbours${many}` : 'Show only this and its neighbours', run: () => explorer.showOnly(targets), testId: 'menu-show-only' },
        { text: node.pinned ? `Unpin${many}` : `Pin${many}`, run: () => explorer.pin(targets, !node.pinned), testId: 'menu-pin' },
        { text: `Remove${many}`, run: () => explorer.remove(targets), testId: 'menu-remove' },
      ],
      [
        { text: 'Inspect', run: () => this.host.inspect(id) },
        { text: 'Path from here', run: () => paths.set(node.data, undefined), testId: 'menu-path-from' },
        { text: 'Path to here', run: () => paths.set(undefined, node.data), testId: 'menu-path-to' },
      ],
      editor.nodeMenuItems(id, selection),
    ];
    this.menu.show(x, y, explorer.name(id), [[{ text: 'Loading relationship types…', run: () => undefined, disabled: true }], ...rest]);
    api.node(id).then(
      (details) => {
        if (this.menu.open) this.menu.show(x, y, explorer.name(id), [expandItems(details, (type, direction) => void explorer.expand(id, type, direction)), ...rest]);
      },
      (error) => errorToast(error, 'Could not read its relationships'),
    );
  }

  /** The menu of relationship `id` (of type `type`) at (x, y) in the window. */
  openEdge(id: string, type: string, x: number, y: number): void {
    const { explorer, inspector, editor } = this.host;
    this.menu.show(x, y, type, [
      [
        { text: 'Show evidence', run: () => void inspector.showEdge(id) },
        { text: 'Remove from canvas', run: () => explorer.remove([], [id]) },
      ],
      editor.edgeMenuItems(id),
    ]);
  }
}
