/**
 * The page's keys (README "Keys"): / search · Q console · E expand · C collapse · H hide · P pin ·
 * Del remove · F fit · L layout · Esc clear the selection · Ctrl+Z undo · Ctrl+Shift+Z or Ctrl+Y redo.
 * They act on the selected nodes, and stay out of the way of typing, an open menu or form, and the
 * article panel.
 */
import type { Core } from 'cytoscape';
import type { Explorer } from '../explorer';
import { typingInto } from '../ui/dom';

export interface ShortcutHost {
  /** Whether the keys are someone else's now (a menu, an edit form, the article panel). */
  busy(target: EventTarget | null): boolean;
  focusSearch(): void;
  toggleConsole(): void;
  /** Esc: the selection, the highlight and the inspector cleared. */
  clear(): void;
}

export function attachShortcuts(cy: Core, explorer: Explorer, host: ShortcutHost): void {
  document.addEventListener('keydown', (event) => {
    if (typingInto(event.target) || host.busy(event.target)) return;
    const key = event.key.toLowerCase();
    const control = event.ctrlKey || event.metaKey;
    const selected = cy.nodes(':selected').map((node) => node.id());
    if (control && key === 'z') explorer[event.shiftKey ? 'redo' : 'undo']();
    else if (control && key === 'y') explorer.redo();
    else if (control) return;
    else if (key === '/') host.focusSearch();
    else if (key === 'q') host.toggleConsole();
    else if ((key === 'delete' || key === 'backspace') && (selected.length > 0 || cy.edges(':selected').nonempty())) explorer.remove(selected, cy.edges(':selected').map((edge) => edge.id()));
    else if (key === 'e' && selected.length > 0) selected.forEach((id) => void explorer.expand(id));
    else if (key === 'c' && selected.length > 0) explorer.collapse(selected);
    else if (key === 'h' && selected.length > 0) explorer.hide(selected);
    else if (key === 'p' && selected.length > 0) explorer.pin(selected, !explorer.state.nodes[selected[0]!]?.pinned);
    else if (key === 'f') explorer.fitView();
    else if (key === 'l') void explorer.layout();
    else if (key === 'escape') host.clear();
    else return;
    event.preventDefault();
  });
}
