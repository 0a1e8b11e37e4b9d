/** The extraction pipeline: sentences → entities → clause references → statements → candidates. Pure. */
import type { CandidateEntity, CandidateRelationship } from '../../contract/extract';
import type { Model } from '../../seed/format';
import { advanceDiscourse, readClause, type Discourse } from './clauses';
import { findEntities, type EntityTable, type KnownEntity, type KnownIndex } from './entities';
import { readStatements } from './relations';
import { splitClauses, splitSentences } from './sentences';

/** The candidates are the API's own shapes (server/contract/extract.ts). */
export type ExtractedEntity = CandidateEntity;
export type ExtractedRelationship = CandidateRelationship;

/** A relationship the graph already has, by the ids of its ends. */
export interface ExistingRelationship {
  id: string;
  type: string;
  fromId: string;
  toId: string;
}

export interface Extraction {
  entities: ExtractedEntity[];
  relationships: ExtractedRelationship[];
}

/** A slug for a new entity's key: "China Construction Bank Corp" → "china-construction-bank-corp". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'entity';
}

function allows(model: Model, type: string, fromLabel: string, toLabel: string): boolean {
  const rule = model.relationshipTypes[type];
  return Boolean(rule && rule.from.includes(fromLabel) && rule.to.includes(toLabel));
}

/** Makes a statement fit the model: an end whose label is only a guess may take the one the rule needs. */
function fitLabels(table: EntityTable, model: Model, type: string, from: number, to: number, wanted: { fromLabel?: string; toLabel?: string }): boolean {
  const rule = model.relationshipTypes[type];
  if (!rule) return false;
  const fit = (index: number, allowed: string[], wantedLabel: string | undefined): boolean => {
    const entity = table.entities[index];
    if (!entity) return false;
    if (allowed.includes(entity.label) && (!wantedLabel || entity.label === wantedLabel || entity.labelEvidence !== 'default')) return true;
    const target = wantedLabel && allowed.includes(wantedLabel) ? wantedLabel : allowed[0];
    if (target && entity.labelEvidence === 'default' && entity.existingId === null) {
      if (target === 'Person' && !/^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}$/.test(entity.name)) return false;
      table.relabel(index, target, 'context');
      return true;
    }
    return allowed.includes(entity.label);
  };
  return fit(from, rule.from, wanted.fromLabel) && fit(to, rule.to, wanted.toLabel) && allows(model, type, table.entities[from]?.label ?? '', table.entities[to]?.label ?? '');
}

/** Candidates for the text: entities with mentions, relationships with quotes; nothing is written. */
export function extractCandidates(text: string, known: readonly KnownEntity[] | KnownIndex, model: Model, existing: readonly ExistingRelationship[] = []): Extraction {
  const sentences = splitSentences(text);
  const table = findEntities(text, sentences, known);
  let discourse: Discourse = { topic: null, recent: [], pair: null };
  const found: Array<{ type: string; from: number; to: number; confidence: number; quote: string; fromLabel?: string; toLabel?: string }> = [];
  for (const sentence of sentences) {
    for (const clauseSpan of splitClauses(sentence)) {
      const clause = readClause(table, sentence, clauseSpan, discourse);
      for (const statement of readStatements(clause)) {
        const from = clause.references[statement.from]?.entity;
        const to = clause.references[statement.to]?.entity;
        if (from === undefined || to === undefined || from === to) continue;
        found.push({ type: statement.type, from, to, confidence: statement.confidence, quote: sentence.text, fromLabel: statement.fromLabel, toLabel: statement.toLabel });
      }
      discourse = advanceDiscourse(discourse, clause, table);
    }
  }
  // Labels first (a statement may fix an end's label), then the statements the model allows.
  const kept = found.filter((statement) => fitLabels(table, model, statement.type, statement.from, statement.to, statement));
  // "Li Chao, a senior analyst …" then "Li said": a person's surname or given name is the person.
  for (const [index, entity] of table.entities.entries()) {
    if (entity.label !== 'Person' || entity.existingId !== null) continue;
    const words = entity.name.split(/\s+/);
    table.entities.forEach((other, otherIndex) => {
      if (otherIndex !== index && other.existingId === null && other.labelEvidence === 'default' && (other.name === words[0] || other.name === words[words.length - 1])) table.merge(otherIndex, index);
    });
  }
  const used = new Set<number>(table.entities.map((entity, index) => (entity.mentions.length > 0 ? index : -1)).filter((index) => index >= 0));
  const keys = new Map<number, string>();
  const taken = new Set<string>();
  for (const index of used) {
    const entity = table.entities[index];
    if (!entity) continue;
    let key = entity.existingId ?? slugOf(entity.name);
    for (let n = 2; taken.has(key); n += 1) key = `${slugOf(entity.name)}-${n}`;
    taken.add(key);
    keys.set(index, key);
  }
  const relationships = new Map<string, ExtractedRelationship>();
  for (const statement of kept) {
    const symmetric = model.relationshipTypes[statement.type]?.symmetric ?? false;
    const [a, b] = symmetric && statement.to < statement.from ? [statement.to, statement.from] : [statement.from, statement.to];
    const from = keys.get(a);
    const to = keys.get(b);
    if (!from || !to) continue;
    const id = `${from}|${statement.type}|${to}`;
    const previous = relationships.get(id);
    if (previous && previous.confidence >= statement.confidence) continue;
    const fromId = table.entities[a]?.existingId ?? null;
    const toId = table.entities[b]?.existingId ?? null;
    const match = existing.find(
      (relationship) => relationship.type === statement.type && ((relationship.fromId === fromId && relationship.toId === toId) || (symmetric && relationship.fromId === toId && relationship.toId === fromId)),
    );
    relationships.set(id, { from, to, type: statement.type, quote: previous?.quote ?? statement.quote, confidence: statement.confidence, existingId: fromId && toId && match ? match.id : null });
  }
  const entities: ExtractedEntity[] = [...keys].map(([index, key]) => {
    const entity = table.entities[index];
    const mentions = [...(entity?.mentions ?? [])].sort((x, y) => x[0] - y[0]);
    return { key, name: entity?.name ?? key, label: entity?.label ?? 'Company', aliases: entity?.aliases.filter((alias) => alias !== entity.name) ?? [], existingId: entity?.existingId ?? null, mentions };
  });
  return { entities, relationships: [...relationships.values()] };
}
