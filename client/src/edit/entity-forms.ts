/** The forms for one entity: create one (label, name, aliases, properties) and edit a node's properties. */
import type { ChangeValue, GraphEdge, GraphNode } from '../../../server/contract';
import { displayName } from '../graph';
import { h } from '../ui/dom';
import type { EditContext } from './context';
import { labelled, openFormDialog } from './dialog';
import { commentField, propertyRows } from './fields';
import { aliasList, propertyEdit, textToValue } from './rules';
import type { Position } from '../state';

/** The label control: the model's labels (fintech), else a free name with the schema's as suggestions. */
async function labelControl(context: EditContext): Promise<{ element: HTMLElement; value(): string }> {
  const model = await context.model();
  if (model.kind === 'fintech') {
    const select = h('select', { 'data-testid': 'entity-label', required: true });
    for (const label of model.labels) select.append(h('option', { value: label.name, title: label.meaning }, label.name));
    return { element: labelled('Label', select, 'From the model (seed/model.yaml).'), value: () => select.value };
  }
  const schema = await context.schema().catch(() => null);
  const list = h('datalist', { id: `labels-${Date.now()}` }, ...(schema?.labels ?? []).map((label) => h('option', { value: label.name })));
  const input = h('input', { type: 'text', list: list.id, 'data-testid': 'entity-label', autocomplete: 'off', required: true, spellcheck: 'false' });
  return { element: h('div', {}, labelled('Label', input, 'Any name of letters, digits and _ (this database has no Fingraph model).'), list), value: () => input.value.trim() };
}

export async function createEntityForm(context: EditContext, near: Position | null): Promise<void> {
  const label = await labelControl(context);
  const name = h('input', { type: 'text', 'data-testid': 'entity-name', autocomplete: 'off', required: true });
  const aliases = h('textarea', { rows: 2, 'data-testid': 'entity-aliases' });
  const properties = propertyRows({}, { legend: 'Other properties' });
  const comment = commentField('Add an entity');
  openFormDialog(
    {
      title: 'New entity',
      testId: 'create-entity',
      submit: 'Create',
      save: async () => {
        if (name.value.trim() === '') {
          name.focus();
          throw new Error('give the entity a name: it is what search and the canvas show.');
        }
        const extra: Record<string, ChangeValue> = {};
        for (const row of properties.values()) {
          const value = textToValue(row.text, '');
          if (row.name.trim() !== '' && value !== null) extra[row.name.trim()] = value;
        }
        const aliasValues = aliasList(aliases.value);
        await context.send(
          {
            comment: comment.value(),
            operations: [{ op: 'createNode', ref: 'entity', label: label.value(), name: name.value.trim(), ...(aliasValues.length > 0 ? { aliases: aliasValues } : {}), ...(Object.keys(extra).length > 0 ? { properties: extra } : {}) }],
          },
          { addNew: true, near, select: 'entity' },
        );
      },
    },
    label.element,
    labelled('Name', name),
    labelled('Aliases', aliases, 'Other names it goes by, one a line.'),
    properties.element,
    comment.element,
  );
  name.focus();
}

export function editNodeForm(context: EditContext, node: GraphNode): void {
  const properties = propertyRows(node.properties);
  const comment = commentField(`Edit ${displayName(node)}`);
  openFormDialog(
    {
      title: `Edit ${displayName(node)}`,
      testId: 'edit-node',
      submit: 'Save',
      save: async () => {
        const edit = propertyEdit(node.properties, properties.values());
        if (Object.keys(edit.set).length === 0 && edit.unset.length === 0) {
          throw new Error('no property was changed.');
        }
        await context.send({ comment: comment.value(), operations: [{ op: 'editNode', node: node.id, set: edit.set, unset: edit.unset, expected: edit.expected }] });
      },
    },
    h('div', { class: 'chips' }, ...node.labels.map((label) => h('span', { class: 'chip' }, label))),
    properties.element,
    comment.element,
  );
}

/**
 * A relationship's own properties (since when, the amount of a stake…), edited as a node's are; its
 * key and evidence are Fingraph's (evidence is added by citing a source, not typed here).
 */
export function editRelationshipForm(context: EditContext, edge: GraphEdge): void {
  const what = `${context.name(edge.source)} —${edge.type}→ ${context.name(edge.target)}`;
  const properties = propertyRows(edge.properties);
  const comment = commentField(`Edit ${what}`);
  openFormDialog(
    {
      title: `Edit ${what}`,
      testId: 'edit-relationship',
      submit: 'Save',
      save: async () => {
        const edit = propertyEdit(edge.properties, properties.values());
        if (Object.keys(edit.set).length === 0 && edit.unset.length === 0) {
          throw new Error('no property was changed.');
        }
        await context.send({ comment: comment.value(), operations: [{ op: 'editRelationship', relationship: edge.id, set: edit.set, unset: edit.unset, expected: edit.expected }] });
      },
    },
    properties.element,
    comment.element,
  );
}
