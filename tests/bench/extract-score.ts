/**
 * Scoring of extraction candidates against hand-curated entities and relationships, shared by both
 * tables of `npm run bench:extract`: a candidate names a curated entity when their names have the same
 * words (legal suffixes aside); a relationship is right when its ends name the curated ends, with the
 * same type and direction (symmetric types either way). Pure.
 */
import type { Model } from '../../server/seed';
import type { Extraction } from '../../server/services/extract';

export interface GoldEntity {
  id: string;
  label: string;
  name: string;
  aliases: string[];
}

export interface GoldRelationship {
  from: string;
  type: string;
  to: string;
}

/** Words of a name for matching: lower case, no possessive, no legal suffix, "blockchain-based" → "blockchain". */
export function tokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/-based\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !['ltd', 'inc', 'corp', 'co', 'limited', 'group', 'holding', 'holdings', 'corporation', 'the', 'com'].includes(word));
}

/**
 * A candidate names a curated entity when its name or an alias has the same words as the entity's
 * name or an alias, or, for names of three words or more, shares at least 75% of the words
 * ("Tencent blockchain-based invoicing system" and "Tencent blockchain invoicing system").
 */
export function matches(candidate: { name: string; aliases: string[] }, gold: GoldEntity): boolean {
  const goldForms = [gold.name, ...gold.aliases].map(tokens);
  return [candidate.name, ...candidate.aliases].map(tokens).some((forms) =>
    goldForms.some((goldWords) => {
      if (forms.join(' ') === goldWords.join(' ')) return forms.length > 0;
      if (forms.length < 3 || goldWords.length < 3) return false;
      const shared = forms.filter((word) => goldWords.includes(word)).length;
      return shared / Math.max(forms.length, goldWords.length) >= 0.75;
    }),
  );
}

/** The curated entity a candidate names: the one of the same full name first ("Kestrel Holdings", not the bank called "Kestrel"), else by words. */
export function goldFor(candidate: { name: string; aliases: string[] }, gold: GoldEntity[]): GoldEntity | undefined {
  const full = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();
  return gold.find((entity) => full(entity.name) === full(candidate.name)) ?? gold.find((entity) => matches(candidate, entity));
}

/** One relationship as a comparable key: symmetric types with their ends in order. */
export function relationshipKey(model: Model, from: string, type: string, to: string): string {
  const symmetric = model.relationshipTypes[type]?.symmetric ?? false;
  return symmetric && to < from ? `${to}|${type}|${from}` : `${from}|${type}|${to}`;
}

export interface Score {
  /** Curated entities some candidate names. */
  entitiesFound: Set<string>;
  /** Of those, the ones whose candidate has the curated label. */
  labelsRight: Set<string>;
  goldEntities: number;
  /** Distinct candidate relationships (by curated ends where they have them). */
  candidates: Set<string>;
  goldRelationships: Set<string>;
  /** Candidates that are not curated, by candidate names. */
  wrong: string[];
}

/** How the candidates of one article compare with its curated entities and relationships. */
export function score(extraction: Extraction, gold: GoldEntity[], goldRelationships: GoldRelationship[], model: Model): Score {
  const goldKeys = new Set(goldRelationships.map((relationship) => relationshipKey(model, relationship.from, relationship.type, relationship.to)));
  const goldOf = new Map<string, string>();
  const entitiesFound = new Set<string>();
  const labelsRight = new Set<string>();
  for (const entity of extraction.entities) {
    const match = goldFor(entity, gold);
    if (!match) continue;
    goldOf.set(entity.key, match.id);
    entitiesFound.add(match.id);
    if (entity.label === match.label) labelsRight.add(match.id);
  }
  const nameOf = (key: string): string => extraction.entities.find((entity) => entity.key === key)?.name ?? key;
  const candidates = new Set<string>();
  const wrong: string[] = [];
  for (const relationship of extraction.relationships) {
    const from = goldOf.get(relationship.from);
    const to = goldOf.get(relationship.to);
    const id = from && to ? relationshipKey(model, from, relationship.type, to) : `?${relationship.from}|${relationship.type}|${relationship.to}`;
    if (candidates.has(id)) continue;
    candidates.add(id);
    if (!goldKeys.has(id)) wrong.push(`${nameOf(relationship.from)} ${relationship.type} ${nameOf(relationship.to)}`);
  }
  return { entitiesFound, labelsRight, goldEntities: gold.length, candidates, goldRelationships: goldKeys, wrong };
}

/** The curated relationships no candidate states. */
export function missed(result: Score): string[] {
  return [...result.goldRelationships].filter((id) => !result.candidates.has(id));
}

export const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
