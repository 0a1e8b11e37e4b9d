/**
 * Connecting two nodes: the type (the model's types allowed for their labels, or a free name),
 * the direction, properties, and the evidence (an existing Source or a new one, and a quote from
 * it) that the fintech dataset requires.
 */
import type { ChangeValue, EditModel, EvidenceInput } from '../../../server/contract';
import { fill, h } from '../ui/dom';
import type { EditContext } from './context';
import { fieldId, labelled, openFormDialog } from './dialog';
import { commentField, nodeSelect, propertyRows } from './fields';
import { textToValue, typesBetween } from './rules';

/** The evidence part: which source (existing or new) and the quote. */
function evidenceFields(model: EditModel): { element: HTMLElement; value(): EvidenceInput | null } {
  const name = fieldId('source-kind');
  const existingRadio = h('input', { type: 'radio', name, value: 'existing', checked: model.sources.length > 0, 'data-testid': 'source-existing-choice' });
  const newRadio = h('input', { type: 'radio', name, value: 'new', checked: model.sources.length === 0, 'data-testid': 'source-new-choice' });
  const existing = h('select', { 'data-testid': 'source-existing' }, ...model.sources.map((source) => h('option', { value: source.key }, source.publisher ? `${source.title} · ${source.publisher}` : source.title)));
  const title = h('input', { type: 'text', 'data-testid': 'source-title', autocomplete: 'off' });
  const publisher = h('input', { type: 'text', 'data-testid': 'source-publisher', autocomplete: 'off' });
  const url = h('input', { type: 'url', 'data-testid': 'source-url', autocomplete: 'off', placeholder: 'https://…' });
  const published = h('input', { type: 'date', 'data-testid': 'source-published' });
  const quote = h('textarea', { rows: 3, 'data-testid': 'evidence-quote' });
  const existingPart = h('div', {}, labelled('Source', existing));
  const newPart = h('div', { class: 'edit-form' }, labelled('Title', title), labelled('Publisher', publisher), labelled('Link', url), labelled('Publication date', published));
  const sync = (): void => {
    existingPart.hidden = !existingRadio.checked;
    newPart.hidden = !newRadio.checked;
  };
  existingRadio.addEventListener('change', sync);
  newRadio.addEventListener('change', sync);
  sync();
  const element = h(
    'fieldset',
    { 'data-testid': 'evidence-fields' },
    h('legend', {}, model.evidenceRequired ? 'Evidence (required on this dataset)' : 'Evidence (optional)'),
    h(
      'div',
      { class: 'edit-choice', role: 'radiogroup', 'aria-label': 'Which source' },
      h('label', {}, existingRadio, 'A source in the graph'),
      h('label', {}, newRadio, 'A new source'),
    ),
    existingPart,
    newPart,
    labelled('Quote', quote, 'The words of the source that state this relationship.'),
  );
  return {
    element,
    value: () => {
      const chosenNew = newRadio.checked;
      const empty = quote.value.trim() === '' && (chosenNew ? [title, publisher, url, published].every((input) => input.value.trim() === '') : true);
      if (empty && !model.evidenceRequired) return null;
      const source = chosenNew ? { title: title.value.trim(), publisher: publisher.value.trim(), url: url.value.trim(), published: published.value } : existing.value;
      return { source, quote: quote.value.trim() };
    },
  };
}

/** Opens the connect form from `fromId` (to `toId`, when two nodes were selected). */
export async function connectForm(context: EditContext, fromId: string, toId: string | null): Promise<void> {
  const model = await context.model();
  const state = context.state();
  const others = Object.keys(state.nodes).filter((id) => id !== fromId).map((id) => ({ id, name: context.name(id) }));
  const target = nodeSelect(others, toId, 'connect-target');
  const direction = h('select', { 'data-testid': 'connect-direction' });
  const typeBox = h('div', {});
  const free = model.kind === 'free';
  const typeSelect = h('select', { 'data-testid': 'connect-type' });
  const schema = free ? await context.schema().catch(() => null) : null;
  const typeList = h('datalist', { id: fieldId('types') }, ...(schema?.relationshipTypes ?? []).map((type) => h('option', { value: type.name })));
  const typeInput = h('input', { type: 'text', list: typeList.id, 'data-testid': 'connect-type', autocomplete: 'off', spellcheck: 'false' });
  const from = context.name(fromId);

  const drawDirections = (allowed: 'out' | 'in' | 'either'): void => {
    const to = target.value ? context.name(target.value) : 'the other node';
    const keep = direction.value;
    fill(
      direction,
      allowed !== 'in' ? h('option', { value: 'out' }, `${from} → ${to}`) : null,
      allowed !== 'out' ? h('option', { value: 'in' }, `${to} → ${from}`) : null,
    );
    if ([...direction.options].some((option) => option.value === keep)) direction.value = keep;
  };
  const drawTypes = (): void => {
    if (free) {
      fill(typeBox, labelled('Type', typeInput, 'Any name of capitals, digits and _, such as WORKS_WITH.'), typeList);
      drawDirections('either');
      return;
    }
    const first = state.nodes[fromId]?.data.labels ?? [];
    const second = target.value ? (state.nodes[target.value]?.data.labels ?? []) : [];
    const choices = target.value ? typesBetween(model, first, second) : [];
    const keep = typeSelect.value;
    fill(typeSelect, ...choices.map((choice) => h('option', { value: choice.type, title: choice.meaning, 'data-direction': choice.direction }, choice.symmetric ? `${choice.type} (either way)` : choice.type)));
    if (choices.some((choice) => choice.type === keep)) typeSelect.value = keep;
    fill(
      typeBox,
      choices.length === 0 && target.value
        ? h('p', { class: 'muted', 'data-testid': 'connect-no-type' }, `The model (seed/model.yaml) has no relationship type between a ${first.join(', ')} and a ${second.join(', ')}.`)
        : labelled('Type', typeSelect, choices.find((choice) => choice.type === typeSelect.value)?.meaning),
    );
    drawDirections((choices.find((choice) => choice.type === typeSelect.value)?.direction ?? 'either'));
  };
  target.addEventListener('change', drawTypes);
  typeSelect.addEventListener('change', drawTypes);
  drawTypes();

  const properties = propertyRows({});
  const evidence = evidenceFields(model);
  const comment = commentField(`Connect ${from}`);
  openFormDialog(
    {
      title: `Connect ${from}`,
      testId: 'connect',
      submit: 'Connect',
      save: async () => {
        if (!target.value) throw new Error('pick the node to connect to.');
        const type = free ? typeInput.value.trim() : typeSelect.value;
        if (!type) throw new Error(free ? 'give the relationship a type.' : 'the model allows no relationship type between these two nodes; pick another node.');
        const extra: Record<string, ChangeValue> = {};
        for (const row of properties.values()) {
          const value = textToValue(row.text, '');
          if (row.name.trim() !== '' && value !== null) extra[row.name.trim()] = value;
        }
        const cited = evidence.value();
        const [start, end] = direction.value === 'in' ? [target.value, fromId] : [fromId, target.value];
        await context.send({
          comment: comment.value(),
          operations: [{ op: 'createRelationship', type, from: start, to: end, ...(Object.keys(extra).length > 0 ? { properties: extra } : {}), ...(cited ? { evidence: [cited] } : {}) }],
        });
      },
    },
    labelled('From', h('input', { type: 'text', value: from, readonly: true, 'data-testid': 'connect-from' })),
    labelled('To', target),
    typeBox,
    labelled('Direction', direction),
    properties.element,
    evidence.element,
    comment.element,
  );
}
