/**
 * The entities a text names, with their mentions: the names and aliases the graph already has first,
 * then capitalised names the graph does not know (labelled by their words: "… Bank", "… Authority",
 * "… Ltd"), merged when one is the short form, the legal form or the initials of another. Pure.
 */
import { ADVERBS, CENTRAL_BANK, CORPORATE_SUFFIXES, IRREGULAR_VERBS, COMPANY_WORDS, DEMONYMS, GENERIC_NAME_WORDS, FUNCTION_WORDS, INDUSTRY_NAME_WORDS, INSTITUTIONAL_WORDS, MONTHS_AND_DAYS, NOT_NAMES, PLACE_HEADS, PLACES, REGULATOR_WORDS } from './lexicon';
import type { TextSpan } from './sentences';

/** An entity the graph already has. */
export interface KnownEntity {
  id: string;
  name: string;
  label: string;
  aliases: string[];
}

/** How sure the label is: from the graph, from the name's words or its context, or only a default. */
export type LabelEvidence = 'graph' | 'name' | 'context' | 'default';

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

/** Lower-case, straight apostrophes, single spaces. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** The name without its legal suffixes: "Alibaba Group Holding Ltd" → "alibaba", "JD.com Inc" → "jd". */
export function coreName(name: string): string {
  // "Ping An Insurance (Group) Co of China" → "Ping An Insurance": the bracketed word and the country
  // after the legal suffix are part of the legal name only.
  const legal = name.replace(/\s*\([^)]*\)/g, '').replace(/\s+(Co|Corp|Ltd|Inc|Company|Corporation|Limited)\.?\s+of\s+[A-Z][\p{L}]*(?:\s+[A-Z][\p{L}]*)?$/u, ' $1');
  let words = legal.replace(/\.com\b/i, ' .com').split(/\s+/).filter(Boolean);
  while (words.length > 1 && CORPORATE_SUFFIXES.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  return normaliseName(words.join(' '));
}

/** Initials of a name's significant words: "Industrial and Commercial Bank of China" → "ICBC". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word) && !/^(?:And|Of|The|For|&)$/.test(word))
    .map((word) => word[0])
    .join('');
}

const INDUSTRY_LOWER = new Set([...INDUSTRY_NAME_WORDS].map((word) => word.toLowerCase()));
const GENERIC_LOWER = new Set([...GENERIC_NAME_WORDS, ...CORPORATE_SUFFIXES].map((word) => word.toLowerCase()));

/** Whether one name is another's short form, legal form or initials. */
export function sameEntity(a: string, b: string): boolean {
  if (normaliseName(a) === normaliseName(b)) return true;
  if (coreName(a) === coreName(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // "Huawei" and "Huawei Technologies": the rest is a generic word of company names.
  const rest = long.slice(short.length).trim().split(/\s+/);
  if (long.startsWith(`${short} `) && rest.every((word) => GENERIC_NAME_WORDS.has(word) || CORPORATE_SUFFIXES.has(word))) return true;
  // "Qiantu" and "Qiantu Internet", "Ping An" and "Ping An Insurance (Group) Co of China": the rest
  // of the legal name is words of its industry.
  const shortCore = coreName(short);
  const longCore = coreName(long);
  if (shortCore.length > 1 && longCore.startsWith(`${shortCore} `) && /^\p{Lu}/u.test(short) && longCore.slice(shortCore.length).trim().split(' ').every((word) => INDUSTRY_LOWER.has(word) || GENERIC_LOWER.has(word))) return true;
  if (/^[A-Z]{2,6}$/.test(short) && long.split(/\s+/).every((word) => /^[A-Z]/.test(word) || /^(?:and|of|the|for|&)$/.test(word))) {
    const letters = initials(long);
    if (letters === short || letters.replace(/C$/, '') === short || (letters.length > 2 && letters.slice(0, -1) === short && CORPORATE_SUFFIXES.has(long.split(/\s+/).pop() ?? ''))) return true;
  }
  return false;
}

/** The label a new name's own words give it, if any. */
export function labelFromName(name: string): { label: string; evidence: LabelEvidence } {
  const words = name.split(/\s+/);
  if (CENTRAL_BANK.test(name) || words.some((word) => REGULATOR_WORDS.has(word))) return { label: 'Regulator', evidence: 'name' };
  const core = words.filter((word) => !CORPORATE_SUFFIXES.has(word) && !/^\(.*\)$/.test(word));
  if (core.some((word) => word === 'Bank' || word === 'Bancorp')) return { label: 'Bank', evidence: 'name' };
  // "WeBank" is a bank, "SoftBank Group" is not: "Bank" inside a word is only a guess, and none
  // when the name has a company's legal words beside it.
  if (/^[A-Z][a-z]*Bank$/.test(core[core.length - 1] ?? '')) return words.length > core.length ? { label: 'Company', evidence: 'name' } : { label: 'Bank', evidence: 'context' };
  if (words.length > core.length || words.some((word) => COMPANY_WORDS.has(word))) return { label: 'Company', evidence: 'name' };
  return { label: 'Company', evidence: 'default' };
}

interface Word {
  start: number;
  end: number;
  text: string;
  possessive: boolean;
  /** The word ends at a hyphen before a lower-case part ("Hong Kong-based"): the name stops here. */
  cut: boolean;
}

/** Words of a sentence with their offsets; a possessive "'s" and a "-based" tail are left out of the word. */
function wordsOf(sentence: TextSpan): Word[] {
  const found: Word[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/gu;
  for (const match of sentence.text.matchAll(pattern)) {
    let text = match[0];
    const start = sentence.start + (match.index ?? 0);
    let possessive = false;
    let cut = false;
    const hyphen = /^([^-]+)-[a-z]/.exec(text);
    if (hyphen?.[1] && /^[A-Z]/.test(text) && !/^[A-Z][a-z]?-/.test(text)) {
      text = hyphen[1];
      cut = true;
    }
    const apostrophe = /^(.+?)['’]s?$/.exec(text);
    // "People's Bank of China": a plural's possessive inside a name is part of it.
    const inName = /^(?:People|Women|Children|Workers)['’]s$/.test(text) && /^ \p{Lu}/u.test(sentence.text.slice(start - sentence.start + text.length, start - sentence.start + text.length + 2));
    if (apostrophe?.[1] && !inName) {
      possessive = /['’]s$/.test(text) || /s['’]$/.test(text);
      text = apostrophe[1];
    }
    if (text.endsWith('.') && !CORPORATE_SUFFIXES.has(text) && !/^(?:[A-Z]\.)+$/.test(text)) text = text.slice(0, -1);
    found.push({ start, end: start + text.length, text, possessive, cut });
  }
  return found;
}

const titleCase = (text: string): string => text.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_all, space: string, letter: string) => space + letter.toUpperCase());
const isNameWord = (word: string): boolean => /^[A-Z]/.test(word) || /^[a-z]+[A-Z]/.test(word) || /^\d+[A-Za-z]*[A-Z]/.test(word);
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'de']);
const verbLike = new RegExp(`^\\s*(?:(?:${ADVERBS})\\s+)*(?:has|have|had|is|are|was|were|will|would|can|could|may|might|did|does|said|says|${IRREGULAR_VERBS}|[a-z]+ed|[a-z]{2,}s)\\b`);

interface NameSpan {
  start: number;
  end: number;
  text: string;
}

/** Capitalised names in one sentence that no known name covers. */
function capitalisedNames(sentence: TextSpan, covered: (start: number, end: number) => boolean, capitalisedElsewhere: Set<string>): NameSpan[] {
  const words = wordsOf(sentence);
  const names: NameSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    if (!first || !isNameWord(first.text) || covered(first.start, first.end)) {
      i += 1;
      continue;
    }
    let j = i;
    // Extend over name words and connectors followed by a name word.
    while (true) {
      const current = words[j];
      if (!current || current.possessive || current.cut) break;
      const next = words[j + 1];
      if (!next || covered(next.start, next.end)) break;
      const gap = sentence.text.slice(current.end - sentence.start, next.start - sentence.start);
      if (isNameWord(next.text) && /^ $/.test(gap) && !MONTHS_AND_DAYS.has(next.text)) {
        j += 1;
        continue;
      }
      const after = words[j + 2];
      // "Ping An Insurance (Group) Co of China": a bracketed legal word inside a name.
      const closing = after ? sentence.text.slice(next.end - sentence.start, after.start - sentence.start) : '';
      if (gap === ' (' && (CORPORATE_SUFFIXES.has(next.text) || COMPANY_WORDS.has(next.text)) && after && closing === ') ' && isNameWord(after.text) && !covered(after.start, after.end)) {
        j += 2;
        continue;
      }
      if (CONNECTORS.has(next.text) && after && isNameWord(after.text) && /^ $/.test(gap) && !covered(after.start, after.end)) {
        if (next.text === 'and') {
          // "Industrial and Commercial Bank", "China Banking and Insurance Regulatory Commission" are one
          // name (a descriptive word before "and", an organisation word after); "Alibaba and Tencent",
          // "Baidu Inc and Alibaba Group" are two.
          const rest = words.slice(j + 2, j + 7).map((word) => word.text);
          const before = words.slice(i, j + 1).map((word) => word.text);
          const descriptiveWord = (word: string): boolean => /(?:al|ial|ing|ic|ics|ance|ities|ment|ure|ary|ial|ies|ion)$/.test(word) || COMPANY_WORDS.has(word);
          const descriptive = descriptiveWord(current.text);
          if (!descriptive || before.some((word) => CORPORATE_SUFFIXES.has(word)) || !rest.some((word) => word === 'Bank' || COMPANY_WORDS.has(word) || REGULATOR_WORDS.has(word))) break;
          // "Baiyun Tech and Eastbridge Bank": a name that ends in a company word, then a name of its own.
          if (before.length >= 2 && COMPANY_WORDS.has(current.text) && !descriptiveWord(after.text) && !REGULATOR_WORDS.has(after.text)) break;
        }
        j += 2;
        continue;
      }
      break;
    }
    let span = words.slice(i, j + 1);
    // Leading words that start sentences but name nothing: "The", "Earlier", "Chinese".
    // A regulator's or central bank's name keeps its regional word: "National Financial Regulatory Administration".
    const institution = span.length >= 3 && INSTITUTIONAL_WORDS.has(span[0]?.text ?? '') && (REGULATOR_WORDS.has(span[span.length - 1]?.text ?? '') || span[span.length - 1]?.text === 'Bank');
    while (!institution && span.length > 0 && (FUNCTION_WORDS.has(span[0]?.text ?? '') || DEMONYMS.has(span[0]?.text ?? '') || MONTHS_AND_DAYS.has(span[0]?.text ?? '') || CONNECTORS.has(span[0]?.text ?? ''))) span = span.slice(1);
    while (span.length > 0 && CONNECTORS.has(span[0]?.text ?? '')) span = span.slice(1);
    while (span.length > 0 && CONNECTORS.has(span[span.length - 1]?.text ?? '')) span = span.slice(0, -1);
    i = j + 1;
    const head = span[0];
    const last = span[span.length - 1];
    if (!head || !last) continue;
    const text = sentence.text.slice(head.start - sentence.start, last.end - sentence.start);
    if (PLACES.has(text) || PLACES.has(titleCase(text)) || NOT_NAMES.has(text) || span.every((word) => CORPORATE_SUFFIXES.has(word.text) || DEMONYMS.has(word.text))) continue;
    // "Pearl River Delta", "Guangdong Province": a place by the noun that ends it.
    if (span.length >= 2 && PLACE_HEADS.has(last.text)) continue;
    if (span.length === 1 && /^[A-Z][a-z-]+$/.test(text)) {
      // A single capitalised word at the start of a sentence followed by an ordinary lower-case word
      // ("Social media …", "Early in …") is not a name, unless the text capitalises it elsewhere too or
      // a verb follows it ("Grab teams up with …"); a comma, "and", "-backed" or "'s" after it keeps it.
      const atStart = !/[\p{L}\p{N}]/u.test(sentence.text.slice(0, head.start - sentence.start).replace(/^[\s"“'‘(]+/, ''));
      const after = sentence.text.slice(last.end - sentence.start);
      // A plural noun before a verb ("Price cuts are", "Gig workers should") is not a verb itself.
      const pluralSubject = /^\s+[a-z]{2,}s\s+(?:are|were|is|was|will|would|should|could|can|may|might|must|need|have|had|remain|continue)\b/.test(after);
      const ordinary = /^\s+[a-z]/.test(after) && !/^\s+(?:and|or|&)\s/.test(after) && (!verbLike.test(after) || pluralSubject);
      // "Summary.", "Analyst:", "Risks." at the start of a line are headings, not names.
      const heading = /^\s*$|^[.:]/.test(after);
      if (atStart && !last.cut && !last.possessive && !capitalisedElsewhere.has(text) && (ordinary || heading)) continue;
      // "Competition is fierce": an abstract noun before a verb is not a name either.
      if (atStart && !capitalisedElsewhere.has(text) && /(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ure|ing)$/.test(text)) continue;
    }
    names.push({ start: head.start, end: last.end, text });
  }
  return names;
}

/** Words the text capitalises somewhere other than at the start of a sentence. */
function capitalisedMidSentence(sentences: TextSpan[]): Set<string> {
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(/(?<=[\p{L}\p{N},;:] )([A-Z][a-z]+)/gu)) if (match[1]) seen.add(match[1]);
  }
  return seen;
}

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
