/**
 * The review of an article's candidates, pure: each candidate entity and relationship accepted,
 * edited or rejected (rejecting an entity rejects its relationships with it); what the canvas
 * previews; and the one commitArticle operation that writes what was accepted. No DOM, no API.
 */
import type { CandidateEntity, CandidateRelationship, CommitArticleOperation, EditModel, ExtractResult } from '../../../../server/contract';
import { typesBetween } from '../rules';

export type Decision = 'undecided' | 'accepted' | 'rejected';

export interface EntityItem {
  /** The candidate's key: its ref in the change. */
  key: string;
  candidate: CandidateEntity;
  decision: Decision;
  /** As the reviewer left them (a new entity's; an entity of the graph keeps its own). */
  name: string;
  label: string;
}

export interface RelationshipItem {
  index: number;
  candidate: CandidateRelationship;
  decision: Decision;
  /** Set when it was rejected because this entity was: accepting the entity again brings it back. */
  rejectedWith: string | null;
  from: string;
  to: string;
  type: string;
  quote: string;
}

export interface Review {
  text: string;
  entities: EntityItem[];
  relationships: RelationshipItem[];
}

export function startReview(result: ExtractResult): Review {
  return {
    text: result.text,
    entities: result.entities.map((candidate) => ({ key: candidate.key, candidate, decision: 'undecided', name: candidate.name, label: candidate.label })),
    relationships: result.relationships.map((candidate, index) => ({
      index,
      candidate,
      decision: 'undecided',
      rejectedWith: null,
      from: candidate.from,
      to: candidate.to,
      type: candidate.type,
      quote: candidate.quote,
    })),
  };
}

export function entityOf(review: Review, key: string): EntityItem | undefined {
  return review.entities.find((entity) => entity.key === key);
}

/** Whether the candidate names a node the graph has. */
export function inGraph(entity: EntityItem): boolean {
  return entity.candidate.existingId !== null;
}

/** Whether the relationship, as edited, is still the one the graph has (its quote then becomes new evidence for it). */
export function addsEvidence(item: RelationshipItem): boolean {
  const { candidate } = item;
  return candidate.existingId !== null && item.type === candidate.type && item.from === candidate.from && item.to === candidate.to;
}

/** Decides an entity. Rejecting one rejects the relationships it is an end of (returned, to say so); accepting it again brings those back. */
export function decideEntity(review: Review, key: string, decision: Decision): { review: Review; dropped: RelationshipItem[]; restored: RelationshipItem[] } {
  const dropped: RelationshipItem[] = [];
  const restored: RelationshipItem[] = [];
  const relationships = review.relationships.map((item) => {
    const joined = item.from === key || item.to === key;
    if (decision === 'rejected' && joined && item.decision !== 'rejected') {
      const next = { ...item, decision: 'rejected' as const, rejectedWith: key };
      dropped.push(next);
      return next;
    }
    if (decision !== 'rejected' && item.rejectedWith === key) {
      const otherEnd = item.from === key ? item.to : item.from;
      if (entityOf(review, otherEnd)?.decision === 'rejected') return item;
      const next = { ...item, decision: 'undecided' as const, rejectedWith: null };
      restored.push(next);
      return next;
    }
    return item;
  });
  const entities = review.entities.map((entity) => (entity.key === key ? { ...entity, decision } : entity));
  return { review: { ...review, entities, relationships }, dropped, restored };
}

/**
 * Decides a relationship. Accepting one accepts its ends where they are undecided; a relationship
 * with a rejected end cannot be accepted (the reason is returned, and nothing changes).
 */
export function decideRelationship(review: Review, index: number, decision: Decision): { review: Review; refusal: string | null } {
  const item = review.relationships.find((each) => each.index === index);
  if (!item) return { review, refusal: null };
  if (decision === 'accepted') {
    const rejected = [item.from, item.to].map((key) => entityOf(review, key)).find((entity) => entity?.decision === 'rejected');
    if (rejected) return { review, refusal: `${rejected.name} is rejected: accept it first to accept a relationship of it.` };
  }
  const ends = decision === 'accepted' ? new Set([item.from, item.to]) : new Set<string>();
  return {
    review: {
      ...review,
      entities: review.entities.map((entity) => (ends.has(entity.key) && entity.decision === 'undecided' ? { ...entity, decision: 'accepted' } : entity)),
      relationships: review.relationships.map((each) => (each.index === index ? { ...each, decision, rejectedWith: null } : each)),
    },
    refusal: null,
  };
}

/** Every undecided candidate accepted (relationships whose ends are not rejected). */
export function acceptRest(review: Review): Review {
  let next: Review = { ...review, entities: review.entities.map((entity) => (entity.decision === 'undecided' ? { ...entity, decision: 'accepted' } : entity)) };
  for (const item of next.relationships) if (item.decision === 'undecided') next = decideRelationship(next, item.index, 'accepted').review;
  return next;
}

/** A new entity's name and label as edited (an entity of the graph is not edited here). */
export function editEntity(review: Review, key: string, edit: { name: string; label: string }): Review {
  return { ...review, entities: review.entities.map((entity) => (entity.key === key && !inGraph(entity) ? { ...entity, name: edit.name, label: edit.label } : entity)) };
}

/** A relationship's type and quote as edited, its direction swapped when `swap`. */
export function editRelationship(review: Review, index: number, edit: { type?: string; quote?: string; swap?: boolean }): Review {
  return {
    ...review,
    relationships: review.relationships.map((item) =>
      item.index !== index
        ? item
        : { ...item, type: edit.type ?? item.type, quote: edit.quote ?? item.quote, from: edit.swap ? item.to : item.from, to: edit.swap ? item.from : item.to },
    ),
  };
}

/** The types a relationship may take between its ends as they are labelled now, in its direction (the current one first). */
export function typeChoices(model: EditModel, review: Review, item: RelationshipItem): string[] {
  const from = entityOf(review, item.from)?.label ?? '';
  const to = entityOf(review, item.to)?.label ?? '';
  const allowed = typesBetween(model, [from], [to])
    .filter((choice) => choice.direction !== 'in')
    .map((choice) => choice.type);
  return [item.type, ...allowed.filter((type) => type !== item.type)];
}

/** Whether the model lets the relationship, as edited, join its ends as they are labelled now (a free database: any). */
export function modelAllows(model: EditModel, review: Review, item: RelationshipItem): boolean {
  if (model.relationshipTypes.length === 0) return true;
  const from = entityOf(review, item.from)?.label ?? '';
  const to = entityOf(review, item.to)?.label ?? '';
  return typesBetween(model, [from], [to]).some((choice) => choice.type === item.type && choice.direction !== 'in');
}

export interface Tally {
  accepted: number;
  rejected: number;
  undecided: number;
}

export function tallyReview(review: Review): Tally {
  const all = [...review.entities, ...review.relationships];
  return {
    accepted: all.filter((item) => item.decision === 'accepted').length,
    rejected: all.filter((item) => item.decision === 'rejected').length,
    undecided: all.filter((item) => item.decision === 'undecided').length,
  };
}

export interface SourceFields {
  title: string;
  publisher: string;
  url: string;
  published: string;
}

/** What is wrong with the source as typed, in the user's words (empty: nothing). */
export function sourceProblems(source: SourceFields): Array<{ field: keyof SourceFields; message: string }> {
  const problems: Array<{ field: keyof SourceFields; message: string }> = [];
  if (source.title.trim() === '') problems.push({ field: 'title', message: 'Give the article’s title: the source is stored under it.' });
  if (source.publisher.trim() === '') problems.push({ field: 'publisher', message: 'Give the publisher (the newspaper, site or agency).' });
  const url = source.url.trim();
  if (url === '') problems.push({ field: 'url', message: 'Give the link to the article, starting with https:// or http://.' });
  else if (!/^https?:\/\/[^\s/]+\S*$/i.test(url)) problems.push({ field: 'url', message: `The link must be a web address starting with https:// or http:// (got “${url.slice(0, 80)}”).` });
  const date = source.published.trim();
  if (date === '') problems.push({ field: 'published', message: 'Give the publication date (YYYY-MM-DD).' });
  else if (!isRealDate(date)) problems.push({ field: 'published', message: `The publication date must be a real date as YYYY-MM-DD, e.g. 2026-03-03 (got “${date.slice(0, 40)}”).` });
  return problems;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/**
 * The one commitArticle operation for what was accepted: the source with the article's readable
 * text; the accepted entities (those of the graph by `existing`); the accepted relationships with
 * their quotes (`existing` where one adds evidence to a relationship the graph has). Undecided and
 * rejected candidates are left out. Throws, in the user's words, when there is nothing to commit
 * or an accepted candidate is incomplete.
 */
export function commitOperation(review: Review, source: SourceFields): CommitArticleOperation {
  const relationships = review.relationships.filter((item) => item.decision === 'accepted');
  const ends = new Set(relationships.flatMap((item) => [item.from, item.to]));
  const entities = review.entities.filter((entity) => entity.decision === 'accepted' || (ends.has(entity.key) && entity.decision !== 'rejected'));
  if (relationships.length === 0 && entities.every(inGraph)) {
    throw new Error('Nothing to commit: accept at least one relationship or one new entity (or Cancel).');
  }
  for (const entity of entities) {
    if (!inGraph(entity) && entity.name.trim() === '') throw new Error(`A new entity has no name (it was “${entity.candidate.name}”): give it one, or reject it.`);
    if (!inGraph(entity) && entity.label.trim() === '') throw new Error(`${entity.name} has no label: pick one, or reject it.`);
  }
  for (const item of relationships) {
    if (item.quote.trim() === '') throw new Error(`The relationship ${nameOf(review, item.from)} —${item.type}→ ${nameOf(review, item.to)} has an empty quote: every fact keeps the sentence that states it.`);
    if (entityOf(review, item.from)?.decision === 'rejected' || entityOf(review, item.to)?.decision === 'rejected') {
      throw new Error(`The relationship ${nameOf(review, item.from)} —${item.type}→ ${nameOf(review, item.to)} has a rejected end: reject it too, or accept the entity.`);
    }
  }
  return {
    op: 'commitArticle',
    source: { title: source.title.trim(), publisher: source.publisher.trim(), url: source.url.trim(), published: source.published.trim(), text: review.text },
    entities: entities.map((entity) => {
      if (inGraph(entity)) return { ref: entity.key, existing: entity.candidate.existingId! };
      const name = entity.name.trim();
      // A renamed entity keeps the article's name for it as an alias (extraction then knows it next time).
      const aliases = [...new Set([...entity.candidate.aliases, entity.candidate.name])].filter((alias) => alias.trim() !== '' && alias !== name);
      return { ref: entity.key, label: entity.label.trim(), name, ...(aliases.length > 0 ? { aliases } : {}) };
    }),
    relationships: relationships.map((item) => ({
      from: item.from,
      to: item.to,
      type: item.type,
      quote: item.quote.trim(),
      ...(addsEvidence(item) ? { existing: item.candidate.existingId! } : {}),
    })),
  };
}

export function nameOf(review: Review, key: string): string {
  return entityOf(review, key)?.name ?? key;
}

/** What the canvas previews: the accepted entities and the ends of accepted relationships, and those relationships. */
export interface PreviewGraph {
  nodes: Array<{ ref: string; name: string; label: string; existingId: string | null }>;
  edges: Array<{ index: number; from: string; to: string; type: string; existingId: string | null }>;
}

export function previewGraph(review: Review): PreviewGraph {
  const relationships = review.relationships.filter((item) => item.decision === 'accepted');
  const ends = new Set(relationships.flatMap((item) => [item.from, item.to]));
  return {
    nodes: review.entities
      .filter((entity) => entity.decision === 'accepted' || (ends.has(entity.key) && entity.decision !== 'rejected'))
      .map((entity) => ({ ref: entity.key, name: entity.name, label: entity.label, existingId: entity.candidate.existingId })),
    edges: relationships.map((item) => ({ index: item.index, from: item.from, to: item.to, type: item.type, existingId: addsEvidence(item) ? item.candidate.existingId : null })),
  };
}

/** A failed extraction in the user's words (the server's message says what was wrong with the article). */
export function extractionError(status: number, message: string): string {
  if (status === 0) return 'The Fingraph server does not answer, so the article could not be read. Your text is kept: try again when it is back.';
  if (status === 413) return message;
  if (status === 503) return `The database does not answer, so the names in the graph could not be read: ${message} Your text is kept: try again in a moment.`;
  if (status === 400) return `The article could not be read: ${message}`;
  return `The facts could not be found: ${message}`;
}
