/**
 * The rules a change is checked against. On a database with Fingraph's model (every label of
 * seed/model.yaml has its `id` constraint from cypher/schema.cypher) they are the seed loader's:
 * the model's labels, the labels each relationship type may join, and evidence (a source and a
 * quote found in its text) for every relationship. On any other database labels, types and
 * properties are free (plain names) and evidence is optional. Pure but for `loadChangeModel`.
 */
import { ChangeRefusedError } from '../../errors';
import type { Database } from '../../neo4j';
import { loadModel, SOURCE_LABEL, type Model } from '../../seed';

export type ChangeModel = { kind: 'fintech'; model: Model } | { kind: 'free' };

/** Labels Fingraph keeps for its own records (history); no change may use them. */
export const RESERVED_LABEL_PREFIX = '_';

let cachedModel: Model | null = null;

/** The model that applies to this database (read at each change: a reseed or a dropped schema changes it). */
export async function loadChangeModel(database: Database): Promise<ChangeModel> {
  cachedModel ??= loadModel();
  const constrained = new Set((await database.read('changes/model-constraints')).records.map((record) => record.get('label')));
  return Object.keys(cachedModel.labels).every((label) => constrained.has(label)) ? { kind: 'fintech', model: cachedModel } : { kind: 'free' };
}

function modelLabels(model: Model): string {
  return Object.keys(model.labels).filter((label) => label !== SOURCE_LABEL).join(', ');
}

/** Checks the label of a new entity. */
export function checkEntityLabel(rules: ChangeModel, label: string, where: string): void {
  if (label.startsWith(RESERVED_LABEL_PREFIX)) {
    throw new ChangeRefusedError('names.reserved', `${where}: label '${label}' starts with '_', which Fingraph keeps for its own records; choose another label.`);
  }
  if (rules.kind === 'free') return;
  if (label === SOURCE_LABEL) {
    throw new ChangeRefusedError('model.label', `${where}: a Source is created with the createSource operation (title, publisher, url, published), or inline as a relationship's evidence; not as an entity.`);
  }
  if (!(label in rules.model.labels)) {
    throw new ChangeRefusedError('model.label', `${where}: label '${label}' is not in the model (seed/model.yaml); use one of ${modelLabels(rules.model)}.`);
  }
}

/** Checks a relationship's type and the labels of its ends. */
export function checkRelationship(rules: ChangeModel, type: string, fromLabels: readonly string[], toLabels: readonly string[], where: string): void {
  if (type.startsWith(RESERVED_LABEL_PREFIX)) {
    throw new ChangeRefusedError('names.reserved', `${where}: type '${type}' starts with '_', which Fingraph keeps for its own records; choose another type.`);
  }
  if (rules.kind === 'free') return;
  const rule = rules.model.relationshipTypes[type];
  if (!rule) {
    throw new ChangeRefusedError('model.type', `${where}: relationship type '${type}' is not in the model (seed/model.yaml); use one of ${Object.keys(rules.model.relationshipTypes).join(', ')}.`);
  }
  if (!fromLabels.some((label) => rule.from.includes(label))) {
    throw new ChangeRefusedError('model.relationship-ends', `${where}: ${type} starts at a ${rule.from.join(' or ')}, but its start is a ${fromLabels.join(', ') || 'node without a label'}; swap the direction or choose another type.`);
  }
  if (!toLabels.some((label) => rule.to.includes(label))) {
    throw new ChangeRefusedError('model.relationship-ends', `${where}: ${type} ends at a ${rule.to.join(' or ')}, but its end is a ${toLabels.join(', ') || 'node without a label'}; swap the direction or choose another type.`);
  }
}

/** Whether the model requires evidence for every relationship. */
export function evidenceRequired(rules: ChangeModel): boolean {
  return rules.kind === 'fintech';
}

/**
 * A text compared the way quotes are found in articles: Unicode compatibility forms, curly quotes
 * and apostrophes as straight ones, dashes as hyphens, runs of white space as one space, case
 * ignored. Pure.
 */
export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether `quote` is found in `text` (see normaliseForQuote). Pure. */
export function quoteInText(quote: string, text: string): boolean {
  const needle = normaliseForQuote(quote);
  return needle !== '' && normaliseForQuote(text).includes(needle);
}
