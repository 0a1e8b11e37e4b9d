/**
 * The inspector's history of a node or relationship: each change that touched it (who, when, the
 * comment, what changed), newest first, each with "Revert…", which asks first and is itself a change.
 */
import type { ChangeRecord, ElementHistory } from '../../../server/contract';
import { fill, h } from '../ui/dom';
import type { EditContext } from './context';
import { openFormDialog } from './dialog';
import { commentField } from './fields';
import { elementLines, historyEntry } from './rules';
import { api } from '../api';

/** The histories read, by key, until the next change (the inspector redraws often; one request each). */
export class HistoryCache {
  private readonly histories = new Map<string, Promise<ElementHistory>>();

  get(key: string): Promise<ElementHistory> {
    let history = this.histories.get(key);
    if (!history) {
      history = api.history(key);
      this.histories.set(key, history);
      history.catch(() => this.histories.delete(key));
    }
    return history;
  }

  clear(): void {
    this.histories.clear();
  }
}

export function historySection(context: EditContext, cache: HistoryCache, key: string | null): HTMLElement {
  const body = h('div', { 'data-testid': 'history' });
  const section = h('section', { class: 'edit-history-section', 'aria-label': 'History' }, h('h3', {}, 'History'), body);
  if (key === null) {
    fill(body, h('p', { class: 'muted' }, 'No history: Fingraph has not changed it (it has no stable key yet).'));
    return section;
  }
  fill(body, h('p', { class: 'muted' }, 'Reading its history…'));
  cache.get(key).then(
    (history) => {
      if (history.changes.length === 0) return fill(body, h('p', { class: 'muted' }, 'Not changed since it was loaded.'));
      fill(
        body,
        h(
          'ol',
          { class: 'edit-history' },
          ...history.changes.map((change) => {
            const entry = historyEntry(change, key);
            return h(
              'li',
              { 'data-testid': 'history-entry' },
              h('div', { class: 'small muted' }, entry.heading, change.revertOf ? ' · a revert' : ''),
              h('p', { class: 'edit-comment' }, entry.comment),
              h('ul', { class: 'small' }, ...entry.lines.map((line) => h('li', {}, line)), entry.others > 0 ? h('li', { class: 'muted' }, `and ${entry.others} other element${entry.others === 1 ? '' : 's'}`) : null),
              h('button', { type: 'button', class: 'link', 'data-testid': 'history-revert', onclick: () => revertForm(context, change) }, 'Revert…'),
            );
          }),
        ),
      );
    },
    (error: Error) => fill(body, h('p', { class: 'error' }, `Could not read its history: ${error.message}`)),
  );
  return section;
}

/** Asks before reverting a change, listing all it touched; a refusal (edited since: 409) shows in the form. */
export function revertForm(context: EditContext, change: ChangeRecord): void {
  const comment = commentField(`Revert: ${change.comment}`);
  openFormDialog(
    {
      title: 'Revert this change?',
      testId: 'revert',
      submit: 'Revert',
      danger: true,
      save: async () => {
        await context.revert(change.id, comment.value());
      },
    },
    h('p', {}, `“${change.comment}” by ${change.author}. A revert puts back what it changed, as a new change in the history:`),
    h(
      'ul',
      { class: 'edit-list' },
      ...change.elements.map((element) => h('li', {}, `${element.kind === 'node' ? context.nameOfKey(element.key) : element.key}: ${elementLines(element.before, element.after).join('; ')}`)),
    ),
    comment.element,
  );
}
