/**
 * The forms that take things out of the graph, each asking first and saying what goes with it:
 * delete a relationship, delete a node (with its relationships, read from a dry run), and merge
 * two duplicates (the survivor picked; what moves, from a dry run).
 */
import type { ChangedElement, ChangeOperation, GraphEdge } from '../../../server/contract';
import { api } from '../api';
import { displayName } from '../graph';
import { fill, h } from '../ui/dom';
import type { EditContext } from './context';
import { fieldId, labelled, openFormDialog } from './dialog';
import { commentField, nodeSelect } from './fields';
import { elementLines, refusalText } from './rules';
import { ApiRequestError } from '../api';

/** A relationship of a change as "Tencent —PARTNERS_WITH→ Huaxia Bank" (names by key in `names`, else the key). */
function relationshipText(names: ReadonlyMap<string, string>, element: ChangedElement): string {
  const state = element.before ?? element.after;
  if (!state || state.kind !== 'relationship') return element.key;
  return `${names.get(state.from) ?? state.from} —${state.type}→ ${names.get(state.to) ?? state.to}`;
}

/** The names of the nodes at the ends of the relationships a change touched: from the canvas, else read by key. */
async function endNames(context: EditContext, elements: ChangedElement[]): Promise<Map<string, string>> {
  const keys = new Set(elements.flatMap((element) => {
    const state = element.before ?? element.after;
    return state?.kind === 'relationship' ? [state.from, state.to] : [];
  }));
  const names = new Map<string, string>();
  await Promise.all(
    [...keys].map(async (key) => {
      const known = context.nameOfKey(key);
      if (known !== key) return names.set(key, known);
      const resolved = await api.resolveKey(key).catch(() => null);
      if (resolved?.kind === 'node') names.set(key, displayName(resolved.node));
      return names;
    }),
  );
  return names;
}

/** What a dry run of `operation` says it would do, as list items (or the refusal, in the user's words). */
async function dryRunLines(context: EditContext, operation: ChangeOperation, describe: (elements: ChangedElement[], names: ReadonlyMap<string, string>) => HTMLElement[]): Promise<HTMLElement[]> {
  try {
    const result = await api.change({ comment: 'dry run', dryRun: true, operations: [operation] });
    return describe(result.change.elements, await endNames(context, result.change.elements));
  } catch (error) {
    const status = error instanceof ApiRequestError ? error.status : -1;
    const { message, details } = refusalText(status, error instanceof ApiRequestError ? error.problem : null, (error as Error).message);
    return [h('li', { class: 'error' }, message), ...details.map((line) => h('li', {}, line))];
  }
}

export function deleteRelationshipForm(context: EditContext, edge: GraphEdge): void {
  const text = `${context.name(edge.source)} —${edge.type}→ ${context.name(edge.target)}`;
  const comment = commentField(`Delete ${text}`);
  openFormDialog(
    {
      title: 'Delete this relationship?',
      testId: 'delete-relationship',
      submit: 'Delete',
      danger: true,
      save: async () => {
        await context.send({ comment: comment.value(), operations: [{ op: 'deleteRelationship', relationship: edge.id }] });
      },
    },
    h('p', {}, `${text} is deleted from the database, with the quotes it cites. The sources and the two nodes stay. The history keeps it, and a revert brings it back.`),
    comment.element,
  );
}

export function deleteNodeForm(context: EditContext, id: string): void {
  const name = context.name(id);
  const goes = h('ul', { class: 'edit-list', 'data-testid': 'delete-goes-with' }, h('li', { class: 'muted' }, 'Reading what goes with it…'));
  const comment = commentField(`Delete ${name}`);
  openFormDialog(
    {
      title: `Delete ${name}?`,
      testId: 'delete-node',
      submit: 'Delete',
      danger: true,
      save: async () => {
        await context.send({ comment: comment.value(), operations: [{ op: 'deleteNode', node: id, confirm: true }] });
      },
    },
    h('p', {}, `${name} is deleted from the database with every relationship it has. The history keeps them, and a revert brings them back.`),
    h('p', {}, 'Goes with it:'),
    goes,
    comment.element,
  );
  void dryRunLines(context, { op: 'deleteNode', node: id, confirm: true }, (elements, names) => {
    const relationships = elements.filter((element) => element.kind === 'relationship');
    return relationships.length === 0 ? [h('li', {}, 'No relationship: only the node.')] : relationships.map((element) => h('li', {}, relationshipText(names, element)));
  }).then((items) => fill(goes, ...items));
}

export function mergeForm(context: EditContext, id: string, otherId: string | null): void {
  const state = context.state();
  const others = Object.keys(state.nodes).filter((each) => each !== id).map((each) => ({ id: each, name: context.name(each) }));
  const other = nodeSelect(others, otherId, 'merge-other');
  const group = fieldId('survivor');
  const keepThis = h('input', { type: 'radio', name: group, value: 'this', checked: true, 'data-testid': 'merge-keep-this' });
  const keepOther = h('input', { type: 'radio', name: group, value: 'other', 'data-testid': 'merge-keep-other' });
  const otherLabel = h('span', {}, 'the other');
  const moves = h('ul', { class: 'edit-list', 'data-testid': 'merge-moves' });
  const comment = commentField(`Merge duplicates of ${context.name(id)}`);
  const pair = (): { survivor: string; duplicate: string } | null => (other.value ? (keepThis.checked ? { survivor: id, duplicate: other.value } : { survivor: other.value, duplicate: id }) : null);
  let asked = 0;
  const preview = (): void => {
    otherLabel.textContent = other.value ? context.name(other.value) : 'the other';
    const chosen = pair();
    if (!chosen) return fill(moves, h('li', { class: 'muted' }, 'Pick the duplicate first.'));
    fill(moves, h('li', { class: 'muted' }, 'Reading what moves…'));
    const mine = (asked += 1);
    void dryRunLines(context, { op: 'mergeNodes', ...chosen }, (elements, names) => {
      const moved = elements.filter((element) => element.kind === 'relationship');
      const survivor = elements.find((element) => element.kind === 'node' && element.after !== null);
      return [
        h('li', {}, `${context.name(chosen.duplicate)} goes; its key then opens ${context.name(chosen.survivor)}.`),
        ...moved.map((element) => h('li', {}, `moves: ${relationshipText(names, element)}`)),
        ...(survivor ? elementLines(survivor.before, survivor.after).map((line) => h('li', {}, `${context.name(chosen.survivor)} · ${line}`)) : []),
      ];
    }).then((items) => {
      if (mine === asked) fill(moves, ...items);
    });
  };
  other.addEventListener('change', preview);
  keepThis.addEventListener('change', preview);
  keepOther.addEventListener('change', preview);
  openFormDialog(
    {
      title: `Merge ${context.name(id)} with a duplicate`,
      testId: 'merge',
      submit: 'Merge',
      danger: true,
      save: async () => {
        const chosen = pair();
        if (!chosen) throw new Error('pick the duplicate to merge with.');
        await context.send({ comment: comment.value(), operations: [{ op: 'mergeNodes', ...chosen }] }, { addNew: true });
      },
    },
    labelled('Duplicate', other),
    h('fieldset', {}, h('legend', {}, 'Which one stays'), h('div', { class: 'edit-choice' }, h('label', {}, keepThis, context.name(id)), h('label', {}, keepOther, otherLabel))),
    h('p', {}, 'What the merge does:'),
    moves,
    comment.element,
  );
  preview();
}
