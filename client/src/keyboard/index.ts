/**
 * The canvas from the keyboard. The canvas takes focus (a ring round it, and round the node that has
 * the keyboard's focus); arrow keys move that focus to the nearest node in their direction (its
 * graph neighbours first); Tab and Shift+Tab go through the visible nodes in reading order, then on
 * out of the canvas; Enter opens the focused node (selected, in the inspector); the context-menu key
 * or Shift+F10 opens its menu. The focused node is a class on the canvas (derived, never in the
 * state or the history), and a live region says which node it is.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { nearestInDirection, readingOrder, tabTarget, type Direction, type Spot } from './moves';

export { nearestInDirection, readingOrder, tabTarget, type Direction, type Spot } from './moves';

export interface CanvasKeyActions {
  /** Enter: select the node alone and show it in the inspector. */
  open(id: string): void;
  /** The context-menu key or Shift+F10: the node's menu, at this point of the page. */
  openMenu(id: string, x: number, y: number): void;
  /** What the live region says of a node (its name and labels). */
  describe(id: string): string;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
/** Nodes whose centres are this close in height are on one row for Tab (about a node and its label). */
const ROW_HEIGHT = 30;
/** A focused node nearer the canvas's edge than this is brought into view. */
const VIEW_MARGIN = 40;
export const FOCUS_CLASS = 'keyboard-focus';

export class CanvasKeyboard {
  private focusedId: string | null = null;
  /** Whether the keys moved about the canvas since the last click on it (the ring is for them). */
  private byKeys = false;

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
    private readonly announcer: HTMLElement,
    private readonly actions: CanvasKeyActions,
  ) {
    container.addEventListener('focus', () => {
      // Coming back to the canvas: the node focused before, or the selected one (a search's pick).
      if (!this.current()) {
        const selected = this.cy.nodes(':selected:visible');
        this.focusedId = selected.nonempty() ? selected.first().id() : null;
      }
      this.mark();
    });
    container.addEventListener('blur', () => this.cy.nodes(`.${FOCUS_CLASS}`).removeClass(FOCUS_CLASS));
    container.addEventListener('keydown', (event) => {
      this.byKeys = true;
      this.keydown(event);
    });
    container.addEventListener('pointerdown', () => {
      this.byKeys = false;
    });
    // The browser's own menu for the context-menu key would cover the node's.
    container.addEventListener('contextmenu', (event) => event.preventDefault());
    cy.on('remove', 'node', (event) => {
      if ((event.target as NodeSingular).id() === this.focusedId) this.focusedId = null;
    });
  }

  /** The node that has the keyboard's focus (null when none, or when it left the canvas or is filtered out). */
  get focused(): string | null {
    return this.current()?.id() ?? null;
  }

  private current(): NodeSingular | null {
    if (this.focusedId === null) return null;
    const node = this.cy.getElementById(this.focusedId);
    return node.nonempty() && node.isNode() && node.visible() ? node : null;
  }

  private keydown(event: KeyboardEvent): void {
    if (event.target !== this.container || event.ctrlKey || event.metaKey || event.altKey) return;
    const direction = ARROWS[event.key];
    if (direction && !event.shiftKey) {
      event.preventDefault();
      this.move(direction);
    } else if (event.key === 'Tab') {
      const order = this.order();
      const next = tabTarget(order, this.focused, event.shiftKey);
      if (next === null) {
        // Past the last (or before the first): the focus leaves the canvas as Tab does elsewhere.
        this.focusedId = null;
        this.mark();
        return;
      }
      event.preventDefault();
      this.focus(next, order);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      const node = this.current();
      if (!node) return;
      event.preventDefault();
      this.actions.open(node.id());
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const selected = this.cy.nodes(':selected:visible');
      const node = this.current() ?? (selected.nonempty() ? selected.first() : null);
      if (!node) return;
      event.preventDefault();
      this.focus(node.id());
      const box = this.container.getBoundingClientRect();
      const at = node.renderedPosition();
      this.actions.openMenu(node.id(), box.left + at.x + 12, box.top + at.y + 12);
    }
  }

  /** Arrow keys: to the nearest node that way, or to a first node when none has the focus. */
  private move(direction: Direction): void {
    const visible = this.cy.nodes(':visible').filter((node) => !node.hasClass('proposed'));
    if (visible.empty()) return this.say('Nothing on the canvas.');
    const from = this.current();
    if (!from) {
      const selected = this.cy.nodes(':selected:visible').first();
      this.focus(selected.nonempty() ? selected.id() : this.nearestToCentre());
      return;
    }
    const spots = visible.map(spot);
    const neighbours = new Set(from.neighborhood('node:visible').map((node) => node.id()));
    const next = nearestInDirection(spot(from), spots, neighbours, direction);
    if (next === null) this.say(`No node ${direction === 'up' || direction === 'down' ? direction : `to the ${direction}`} of ${this.actions.describe(from.id())}.`);
    else this.focus(next);
  }

  private nearestToCentre(): string {
    const extent = this.cy.extent();
    const centre = { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 };
    let best = '';
    let distance = Infinity;
    this.cy.nodes(':visible').filter((node) => !node.hasClass('proposed')).forEach((node) => {
      const at = node.position();
      const d = (at.x - centre.x) ** 2 + (at.y - centre.y) ** 2;
      if (d < distance) {
        distance = d;
        best = node.id();
      }
    });
    return best;
  }

  /** The visible nodes in reading order (what Tab goes through). */
  order(): string[] {
    return readingOrder(this.cy.nodes(':visible').filter((node) => !node.hasClass('proposed')).map(spot), ROW_HEIGHT);
  }

  /** Gives a node the keyboard's focus: marked, in view, and said. */
  focus(id: string, order: string[] = this.order()): void {
    this.focusedId = id;
    this.mark();
    const node = this.current();
    if (!node) return;
    const at = node.renderedPosition();
    if (at.x < VIEW_MARGIN || at.y < VIEW_MARGIN || at.x > this.cy.width() - VIEW_MARGIN || at.y > this.cy.height() - VIEW_MARGIN) {
      this.cy.stop();
      this.cy.animate({ center: { eles: node }, duration: 150 });
    }
    const index = order.indexOf(id);
    this.say(`${this.actions.describe(id)}${index >= 0 ? `, ${index + 1} of ${order.length}` : ''}.`);
  }

  /** The ring on the focused node, while the canvas has the focus. */
  private mark(): void {
    this.cy.batch(() => {
      this.cy.nodes(`.${FOCUS_CLASS}`).removeClass(FOCUS_CLASS);
      if (document.activeElement === this.container && (this.byKeys || this.container.matches(':focus-visible'))) this.current()?.addClass(FOCUS_CLASS);
    });
  }

  private say(text: string): void {
    this.announcer.textContent = text;
  }
}

function spot(node: NodeSingular): Spot {
  const at = node.position();
  return { id: node.id(), x: at.x, y: at.y };
}
