/**
 * The canvas as text, for screen readers and for anyone who wants a list: a summary (the canvas's
 * description, aria-describedby), then the nodes and the relationships it shows. Visually hidden
 * until its button shows it over the canvas; redrawn after the canvas was painted (an expansion is
 * not kept waiting for it), and only when what it says changed. Each node and relationship in it is a
 * button that selects it on the canvas and opens it in the inspector (the keyboard's way to a
 * relationship).
 */
import type { GraphNode } from '../../../server/contract';
import type { ViewState } from '../state';
import { Panel } from '../layout/panel';
import { fill, h } from '../ui/dom';
import { describeCanvas, type CanvasText } from './describe';

export { describeCanvas, type CanvasText } from './describe';

export class TextView {
  private said = '';
  private latest: ViewState | null = null;
  private described: { state: ViewState; naming: unknown } | null = null;
  /** Shown over the canvas by its button (the focus goes into the list), hidden again by it or Escape. */
  readonly panel: Panel;

  constructor(
    private readonly root: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly toggle: HTMLButtonElement,
    private readonly name: (node: GraphNode) => string,
    /** What the names depend on besides the node (the schema's naming): a state described under the same is not described again. */
    private readonly naming: () => unknown,
    /** Selects a node or relationship on the canvas and opens it in the inspector. */
    private readonly open: (id: string, kind: 'node' | 'relationship') => void,
  ) {
    root.addEventListener('click', (event) => {
      const item = (event.target as Element).closest<HTMLElement>('[data-open]');
      if (item && root.contains(item)) this.open(item.dataset.id!, item.dataset.open === 'node' ? 'node' : 'relationship');
    });
    this.panel = new Panel(root, {
      opener: toggle,
      closeOnEscape: true,
      // (The list itself: it scrolls, and its first entry is one Tab away.)
      focus: () => root.focus({ preventScroll: true }),
      show: (shown) => this.show(shown),
      shown: () => !root.classList.contains('visually-hidden'),
    });
  }

  /** Shows the list over the canvas, or hides it again (screen readers still read it). */
  private show(shown: boolean): void {
    this.root.classList.toggle('visually-hidden', !shown);
    // Shown, it scrolls: the keyboard can reach it. Hidden, it is no tab stop.
    if (shown) this.root.tabIndex = 0;
    else this.root.removeAttribute('tabindex');
    this.toggle.textContent = shown ? 'Hide text view' : 'Text view';
  }

  /** Describes `state` once the browser has painted the frame that draws it (the latest of several). */
  update(state: ViewState): void {
    const pending = this.latest !== null;
    this.latest = state;
    if (pending) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const latest = this.latest;
        this.latest = null;
        if (latest) this.describe(latest);
      }, 0),
    );
  }

  private describe(state: ViewState): void {
    // The same canvas under the same naming (a styling rule changed only): 12 ms at 1,000 nodes saved.
    const naming = this.naming();
    if (state === this.described?.state && naming === this.described.naming) return;
    this.described = { state, naming };
    const text = describeCanvas(state, this.name);
    const key = JSON.stringify(text);
    if (key === this.said) return;
    this.said = key;
    this.draw(text);
  }

  private draw(text: CanvasText): void {
    this.summary.textContent = text.summary;
    fill(
      this.root,
      h('h2', { class: 'text-view-title' }, 'What the canvas shows'),
      text.nodes.length > 0 ? h('h3', {}, `Nodes (${text.nodes.length})`) : null,
      text.nodes.length > 0 ? h('ul', { 'data-testid': 'text-view-nodes' }, ...text.nodes.map((node) => h('li', {}, h('button', { type: 'button', class: 'text-view-item', 'data-open': 'node', 'data-id': node.id }, node.text)))) : null,
      text.relationships.length > 0 ? h('h3', {}, `Relationships (${text.relationships.length})`) : null,
      text.relationships.length > 0 ? h('ul', { 'data-testid': 'text-view-relationships' }, ...text.relationships.map((edge) => h('li', {}, h('button', { type: 'button', class: 'text-view-item', 'data-open': 'relationship', 'data-id': edge.id }, edge.text)))) : null,
    );
  }
}
