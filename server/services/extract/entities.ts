/**
 * The entities a text names, with their mentions: the names and aliases the graph already has first,
 * then capitalised names the graph does not know (labelled by their words: "… Bank", "… Authority",
 * "… Ltd"), merged when one is the short form, the legal form or the initials of another. Pure.
 */
import { capitalisedMidSentence, capitalisedNames } from './capitalised';
import { coreName, labelFromName, normaliseName, sameEntity, initials, type LabelEvidence } from './names';
import type { TextSpan } from './sentences';

/** An entity the graph already has. */
export interface KnownEntity {
  id: string;
  name: string;
  label: string;
  aliases: string[];
}

export interface Entity {
  name: string;
  label: string;
  labelEvidence: LabelEvidence;
  aliases: string[];
  existingId: string | null;
  mentions: Array<[number, number]>;
}

/** One occurrence of an entity in the text: the entity's index and the span of the name. */
export interface Mention {
  entity: number;
  start: number;
  end: number;
}

export { coreName, initials, labelFromName, normaliseName, sameEntity, type LabelEvidence };

/**
 * The graph's names, indexed once: by first word (to find them in a text in one pass), by normalised
 * name, core name (no legal suffix) and initials (to tell whether a new name is one of them). Build it
 * once per set of names; extraction with it costs the same however many names the graph has.
 */
export class KnownIndex {
  readonly byFirstWord = new Map<string, string[]>();
  private readonly byForm = new Map<string, KnownEntity>();

  constructor(readonly entities: readonly KnownEntity[]) {
    for (const entity of entities) {
      for (const form of [entity.name, ...entity.aliases]) {
        if (form.trim().length < 2) continue;
        const first = /^[\p{L}\p{N}]+/u.exec(form)?.[0];
        if (first) {
          const list = this.byFirstWord.get(first) ?? [];
          list.push(form);
          this.byFirstWord.set(first, list);
        }
        for (const key of [`=${normaliseName(form)}`, `~${coreName(form)}`]) if (!this.byForm.has(key)) this.byForm.set(key, entity);
        const letters = initials(form);
        if (letters.length >= 2 && !this.byForm.has(`#${letters}`)) this.byForm.set(`#${letters}`, entity);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The known entity a name denotes: the same name, the same core name, or its initials. */
  entityFor(name: string): KnownEntity | undefined {
    const exact = this.byForm.get(`=${normaliseName(name)}`) ?? this.byForm.get(`~${coreName(name)}`);
    if (exact) return exact;
    const acronym = this.byForm.get(`#${name}`);
    return acronym && /^[A-Z]{2,6}$/.test(name) && [acronym.name, ...acronym.aliases].some((form) => sameEntity(form, name)) ? acronym : undefined;
  }
}

/** A growing set of entities and their mentions; new names are merged into the entity they name. */
export class EntityTable {
  readonly entities: Entity[] = [];
  readonly mentions: Mention[] = [];

  constructor(private readonly known: KnownIndex) {}

  /** The index of the entity `name` denotes, creating it when it is new. */
  resolve(name: string, guess: { label: string; evidence: LabelEvidence }): number {
    const norm = normaliseName(name);
    const index = this.entities.findIndex((entity) => [entity.name, ...entity.aliases].some((form) => normaliseName(form) === norm));
    if (index >= 0) return index;
    const knownEntity = this.known.entityFor(name);
    if (knownEntity) {
      const existing = this.entities.findIndex((entity) => entity.existingId === knownEntity.id);
      if (existing >= 0) return this.addAlias(existing, name);
      this.entities.push({ name: knownEntity.name, label: knownEntity.label, labelEvidence: 'graph', aliases: [...knownEntity.aliases], existingId: knownEntity.id, mentions: [] });
      return this.addAlias(this.entities.length - 1, name);
    }
    const similar = this.entities.findIndex((entity) => entity.existingId === null && [entity.name, ...entity.aliases].some((form) => sameEntity(form, name)));
    if (similar >= 0 && !this.ambiguous(similar, name)) return this.addAlias(similar, name);
    this.entities.push({ name, label: guess.label, labelEvidence: guess.evidence, aliases: [], existingId: null, mentions: [] });
    return this.entities.length - 1;
  }

  /**
   * Whether a short form would join two names: "Kestrel" is not "Kestrel Holdings" when the text
   * also names "Kestrel Digital Bank".
   */
  private ambiguous(index: number, name: string): boolean {
    const entity = this.entities[index];
    if (!entity) return false;
    const forms = [entity.name, ...entity.aliases];
    const short = [name, ...forms].reduce((a, b) => (b.length < a.length ? b : a));
    return this.entities.some((other, otherIndex) => otherIndex !== index && [other.name, ...other.aliases].some((form) => form.startsWith(`${short} `)));
  }

  /** Records `name` as a form of entity `index`; the longest form becomes a new entity's name. */
  addAlias(index: number, name: string): number {
    const entity = this.entities[index];
    if (!entity) return index;
    const forms = [entity.name, ...entity.aliases];
    if (!forms.some((form) => normaliseName(form) === normaliseName(name))) {
      if (entity.existingId === null && name.length > entity.name.length && (coreName(name) === coreName(entity.name) || (sameEntity(name, entity.name) && name.startsWith(entity.name)))) {
        entity.aliases.push(entity.name);
        entity.name = name;
      } else entity.aliases.push(name);
    }
    if (entity.existingId === null && entity.labelEvidence === 'default') {
      const guess = labelFromName(name);
      if (guess.evidence !== 'default') Object.assign(entity, { label: guess.label, labelEvidence: guess.evidence });
    }
    return index;
  }

  /** Sets a label the context gives, unless a stronger source gave one. */
  relabel(index: number, label: string, evidence: LabelEvidence): void {
    const entity = this.entities[index];
    if (!entity) return;
    const rank: Record<LabelEvidence, number> = { graph: 3, name: 2, context: 1, default: 0 };
    if (rank[evidence] > rank[entity.labelEvidence] || (evidence === 'context' && entity.labelEvidence === 'context')) {
      entity.label = label;
      entity.labelEvidence = evidence;
    }
  }

  addMention(entity: number, start: number, end: number): void {
    this.mentions.push({ entity, start, end });
    this.entities[entity]?.mentions.push([start, end]);
  }

  /** Moves every mention of entity `from` to entity `into` and keeps `from`'s names as aliases. */
  merge(from: number, into: number): void {
    const source = this.entities[from];
    const target = this.entities[into];
    if (!source || !target || from === into) return;
    for (const form of [source.name, ...source.aliases]) this.addAlias(into, form);
    for (const mention of this.mentions) if (mention.entity === from) mention.entity = into;
    target.mentions.push(...source.mentions);
    source.mentions = [];
  }

  mentionsIn(start: number, end: number): Mention[] {
    return this.mentions.filter((mention) => mention.start >= start && mention.end <= end).sort((a, b) => a.start - b.start);
  }
}

/** The known names' occurrences first, then the new capitalised names, sentence by sentence. */
export function findEntities(text: string, sentences: TextSpan[], known: readonly KnownEntity[] | KnownIndex): EntityTable {
  const names = known instanceof KnownIndex ? known : new KnownIndex(known);
  const table = new EntityTable(names);
  const taken: Array<[number, number]> = [];
  const covered = (start: number, end: number): boolean => taken.some(([from, to]) => start < to && end > from);
  // Known names first, longest first at each word: one pass over the text's words.
  for (const word of text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]+/gu)) {
    const start = word.index ?? 0;
    for (const form of names.byFirstWord.get(word[0]) ?? []) {
      const end = start + form.length;
      if (!text.startsWith(form, start) || /^(?:[\p{L}\p{N}]|\.[\p{L}])/u.test(text.slice(end, end + 2)) || covered(start, end)) continue;
      taken.push([start, end]);
      table.addMention(table.resolve(form, { label: 'Company', evidence: 'default' }), start, end);
      break;
    }
  }
  const elsewhere = capitalisedMidSentence(sentences);
  for (const sentence of sentences) {
    for (const name of capitalisedNames(sentence, covered, elsewhere)) {
      taken.push([name.start, name.end]);
      table.addMention(table.resolve(name.text, labelFromName(name.text)), name.start, name.end);
    }
  }
  table.mentions.sort((a, b) => a.start - b.start);
  // "Jiamitu (Cryptorabbit)", "China Construction Bank (CCB)": the name in brackets is an alias.
  for (const [index, mention] of table.mentions.entries()) {
    const next = table.mentions[index + 1];
    if (next && /^\s*\(\s*$/.test(text.slice(mention.end, next.start)) && /^\s*\)/.test(text.slice(next.end, next.end + 3)) && next.entity !== mention.entity) {
      const alias = table.entities[next.entity];
      if (alias && alias.existingId === null && alias.mentions.length === 1) table.merge(next.entity, mention.entity);
    }
  }
  return table;
}
