/**
 * The review screen's parts, drawn from the review state: the article's text with every mention and
 * quote in its own element (text nodes inside <mark>/<span>, never HTML), and the cards of the
 * candidate entities and relationships with their Accept, Edit and Reject buttons and inline edit
 * fields. Hovering or focusing a card lights its mentions or quote in the text.
 */
import type { EditModel } from '../../../../server/contract';
import { h } from '../../ui/dom';
import { fieldId } from '../dialog';
import { addsEvidence, entityOf, inGraph, modelAllows, nameOf, typeChoices, type Decision, type EntityItem, type RelationshipItem, type Review } from './review';
import { quoteRange, segmentText, type OwnedRange } from './segments';

export const entityOwner = (key: string): string => `entity:${key}`;
export const relationshipOwner = (index: number): string => `relationship:${index}`;

export interface ReviewActions {
  decideEntity(key: string, decision: Decision): void;
  decideRelationship(index: number, decision: Decision): void;
  /** Opens (or closes, with null) the inline edit of a card ("entity:key", "relationship:3"). */
  startEdit(owner: string | null): void;
  editEntity(key: string, edit: { name: string; label: string }): void;
  editRelationship(index: number, edit: { type: string; quote: string; swap: boolean }): void;
}

/** The article's text, every mention and quote its own element (owners in data-owners). */
export function articleText(review: Review): HTMLElement {
  const ranges: OwnedRange[] = [];
  for (const entity of review.entities) for (const [start, end] of entity.candidate.mentions) ranges.push({ start, end, owner: entityOwner(entity.key) });
  for (const item of review.relationships) {
    const range = quoteRange(review.text, item.quote);
    if (range) ranges.push({ start: range[0], end: range[1], owner: relationshipOwner(item.index) });
  }
  const body = h('div', { class: 'article-body', 'data-testid': 'article-text' });
  for (const segment of segmentText(review.text, ranges)) {
    const entityKey = segment.owners.find((owner) => owner.startsWith('entity:'))?.slice('entity:'.length);
    if (entityKey !== undefined) {
      const entity = entityOf(review, entityKey);
      body.append(h('mark', { class: `mention is-${entity?.decision ?? 'undecided'}`, 'data-owners': segment.owners.join(' '), title: entity ? `${entity.name} (${entity.label})` : undefined }, segment.text));
    } else if (segment.owners.length > 0) {
      body.append(h('span', { class: 'quote-range', 'data-owners': segment.owners.join(' ') }, segment.text));
    } else {
      body.append(document.createTextNode(segment.text));
    }
  }
  return body;
}

const DECISION_TEXT: Record<Decision, string> = { undecided: 'Not decided', accepted: 'Accepted', rejected: 'Rejected' };

function actionButtons(owner: string, what: string, decision: Decision, editable: boolean, actions: { decide(decision: Decision): void; edit(): void }): HTMLElement {
  const button = (text: string, testId: string, run: () => void, pressed?: boolean): HTMLButtonElement =>
    h('button', { type: 'button', 'data-testid': testId, 'data-focus': `${owner}:${testId}`, 'aria-pressed': pressed === undefined ? undefined : String(pressed), onclick: run }, text);
  return h(
    'div',
    { class: 'candidate-actions', role: 'group', 'aria-label': what },
    button('Accept', 'candidate-accept', () => actions.decide(decision === 'accepted' ? 'undecided' : 'accepted'), decision === 'accepted'),
    editable ? button('Edit', 'candidate-edit', () => actions.edit()) : null,
    button('Reject', 'candidate-reject', () => actions.decide(decision === 'rejected' ? 'undecided' : 'rejected'), decision === 'rejected'),
  );
}

/** An inline edit's fields and its two buttons. */
function editBox(owner: string, fields: HTMLElement[], save: () => void, cancel: () => void): HTMLElement {
  return h(
    'div',
    { class: 'candidate-edit', 'data-testid': 'candidate-edit-fields' },
    ...fields,
    h(
      'div',
      { class: 'candidate-edit-actions' },
      h('button', { type: 'button', 'data-testid': 'candidate-edit-cancel', 'data-focus': `${owner}:edit-cancel`, onclick: cancel }, 'Cancel edit'),
      h('button', { type: 'button', class: 'primary', 'data-testid': 'candidate-edit-done', 'data-focus': `${owner}:edit-done`, onclick: save }, 'Done'),
    ),
  );
}

function field(text: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  control.id = fieldId('candidate');
  return h('div', { class: 'edit-field' }, h('label', { for: control.id }, text), control);
}

export function entityCard(entity: EntityItem, model: EditModel, editing: boolean, actions: ReviewActions): HTMLElement {
  const owner = entityOwner(entity.key);
  const where = inGraph(entity) ? 'in the graph' : 'new';
  const card = h(
    'li',
    { class: `candidate is-${entity.decision}`, 'data-owner': owner, 'data-testid': 'candidate-entity', 'data-key': entity.key },
    h(
      'div',
      { class: 'candidate-head' },
      h('strong', { class: 'candidate-name' }, entity.name),
      h('span', { class: 'chip', 'data-testid': 'candidate-label' }, entity.label),
      h('span', { class: `candidate-where where-${inGraph(entity) ? 'graph' : 'new'}`, 'data-testid': 'candidate-where' }, where),
      h('span', { class: 'candidate-state', 'data-testid': 'candidate-state' }, DECISION_TEXT[entity.decision]),
    ),
    h('div', { class: 'muted small' }, `${entity.candidate.mentions.length} mention${entity.candidate.mentions.length === 1 ? '' : 's'}${entity.candidate.aliases.length > 0 ? ` · also ${entity.candidate.aliases.join(', ')}` : ''}`),
  );
  if (editing) {
    const name = h('input', { type: 'text', value: entity.name, 'data-testid': 'candidate-name-input', autocomplete: 'off' });
    const label = labelControl(model, entity.label);
    card.append(editBox(owner, [field('Name', name), field('Label', label)], () => actions.editEntity(entity.key, { name: name.value, label: label.value }), () => actions.startEdit(null)));
  } else {
    card.append(actionButtons(owner, `${entity.name}, ${where}`, entity.decision, !inGraph(entity), { decide: (decision) => actions.decideEntity(entity.key, decision), edit: () => actions.startEdit(owner) }));
  }
  return card;
}

/** The model's labels (fintech), or a free name (any other database). */
function labelControl(model: EditModel, current: string): HTMLInputElement | HTMLSelectElement {
  if (model.labels.length === 0) return h('input', { type: 'text', value: current, 'data-testid': 'candidate-label-input', autocomplete: 'off', spellcheck: 'false' });
  const select = h('select', { 'data-testid': 'candidate-label-input' });
  const names = model.labels.map((label) => label.name);
  for (const name of names.includes(current) ? names : [current, ...names]) select.append(h('option', { value: name, selected: name === current }, name));
  return select;
}

export function relationshipCard(review: Review, item: RelationshipItem, model: EditModel, editing: boolean, actions: ReviewActions): HTMLElement {
  const owner = relationshipOwner(item.index);
  const from = nameOf(review, item.from);
  const to = nameOf(review, item.to);
  const found = quoteRange(review.text, item.quote) !== null;
  const evidence = addsEvidence(item);
  const card = h(
    'li',
    { class: `candidate is-${item.decision}`, 'data-owner': owner, 'data-testid': 'candidate-relationship', 'data-index': item.index },
    h(
      'div',
      { class: 'candidate-head' },
      h('span', { class: 'candidate-fact', 'data-testid': 'candidate-fact' }, h('strong', {}, from), ` —${item.type}→ `, h('strong', {}, to)),
      h('span', { class: 'candidate-state', 'data-testid': 'candidate-state' }, DECISION_TEXT[item.decision]),
    ),
    h('blockquote', { class: 'candidate-quote', 'data-testid': 'candidate-quote' }, item.quote),
    h(
      'div',
      { class: 'muted small' },
      `confidence ${Math.round(item.candidate.confidence * 100)}% · `,
      evidence ? h('span', { class: 'candidate-evidence', 'data-testid': 'candidate-adds-evidence' }, 'adds evidence to an existing relationship') : 'a new relationship',
    ),
    item.rejectedWith ? h('div', { class: 'candidate-note', 'data-testid': 'candidate-rejected-with' }, `Rejected with ${nameOf(review, item.rejectedWith)}.`) : null,
    found ? null : h('div', { class: 'candidate-note warn', 'data-testid': 'candidate-quote-missing' }, 'This quote is not in the article’s text as written: the commit will be refused until it is.'),
    modelAllows(model, review, item)
      ? null
      : h(
          'div',
          { class: 'candidate-note warn', 'data-testid': 'candidate-not-in-model' },
          `The model has no ${item.type} from a ${entityOf(review, item.from)?.label ?? '?'} to a ${entityOf(review, item.to)?.label ?? '?'}: edit its type or direction (or a label), or the commit will be refused.`,
        ),
  );
  if (editing) {
    const choices = typeChoices(model, review, item);
    const type: HTMLInputElement | HTMLSelectElement =
      model.relationshipTypes.length === 0
        ? h('input', { type: 'text', value: item.type, 'data-testid': 'candidate-type-input', autocomplete: 'off', spellcheck: 'false' })
        : h('select', { 'data-testid': 'candidate-type-input' }, ...choices.map((choice) => h('option', { value: choice, selected: choice === item.type }, choice)));
    const quote = h('textarea', { rows: 3, 'data-testid': 'candidate-quote-input' });
    quote.value = item.quote;
    let swap = false;
    const direction = h('span', { class: 'candidate-direction', 'aria-live': 'polite', 'data-testid': 'candidate-direction' }, `${from} → ${to}`);
    const swapButton = h('button', {
      type: 'button',
      'data-testid': 'candidate-swap',
      'data-focus': `${owner}:swap`,
      onclick: () => {
        swap = !swap;
        direction.textContent = swap ? `${to} → ${from}` : `${from} → ${to}`;
      },
    }, '⇄ Swap direction');
    card.append(
      editBox(
        owner,
        [field('Type', type), h('div', { class: 'edit-field' }, h('span', { class: 'field-title' }, 'Direction'), h('div', { class: 'candidate-swap-row' }, direction, swapButton)), field('Quote', quote)],
        () => actions.editRelationship(item.index, { type: type.value.trim(), quote: quote.value, swap }),
        () => actions.startEdit(null),
      ),
    );
  } else {
    card.append(actionButtons(owner, `${from} ${item.type} ${to}`, item.decision, true, { decide: (decision) => actions.decideRelationship(item.index, decision), edit: () => actions.startEdit(owner) }));
  }
  return card;
}

/** Hovering or focusing a card lights its mentions (or its quote) in the text, brought into view. */
export function lightOnHover(card: HTMLElement, text: HTMLElement): void {
  const owner = card.dataset.owner!;
  const light = (on: boolean): void => {
    const parts = [...text.querySelectorAll<HTMLElement>(`[data-owners~="${CSS.escape(owner)}"]`)];
    for (const part of parts) part.classList.toggle('lit', on);
    card.classList.toggle('lit', on);
    if (on && parts[0]) {
      const box = text.getBoundingClientRect();
      const at = parts[0].getBoundingClientRect();
      if (at.top < box.top || at.bottom > box.bottom) text.scrollTop += at.top - box.top - box.height / 3;
    }
  };
  card.addEventListener('mouseenter', () => light(true));
  card.addEventListener('mouseleave', () => light(card.contains(document.activeElement)));
  card.addEventListener('focusin', () => light(true));
  card.addEventListener('focusout', (event) => light(card.contains(event.relatedTarget as Node | null)));
}
