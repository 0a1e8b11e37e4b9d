/**
 * A clause with its entity references: the names found, the pronouns and descriptions that refer to
 * an entity ("it", "its", "the company", "the search giant", "the latter"), and unnamed products and
 * regulators ("its consortium blockchain network", "the Hong Kong authority"). The clause's text with
 * each reference replaced by 〔n〕 is what the relationship rules read. Pure.
 */
import { EntityTable } from './entities';
import { ADVERBS, IRREGULAR_VERBS, PRODUCT_HEADS, REGULATOR_HEADS, ROLE_HEADS } from './lexicon';
import type { TextSpan } from './sentences';

export interface Reference {
  entity: number;
  start: number;
  end: number;
  /** A pronoun or description rather than a name. */
  anaphor: boolean;
}

export interface MaskedClause {
  clause: TextSpan;
  sentence: TextSpan;
  references: Reference[];
  /** The clause with each reference as 〔i〕, i its index in `references`. */
  masked: string;
}

/** What the discourse is about: the last subject that is an organisation, and the last mentions. */
export interface Discourse {
  topic: number | null;
  recent: number[];
  /** The last two organisations a clause named together: what "the two" refers to. */
  pair: [number, number] | null;
}

const ORGANISATIONS = new Set(['Company', 'Bank']);

const DESCRIPTION = /\b(?:the|this|that)\s+(?:[\p{L}-]+\s+){0,3}?(company|firm|group|giant|behemoth|conglomerate|major|lender|bank|startup|insurer|latter|former)\b(?!\s+(?:of|in|to|for)\b)(?!['’]s\s+(?:peers|rivals))/giu;
const PRONOUN_SUBJECT = /(?:^|[,;]\s+|\b(?:and|but)\s+)(It)\s+(?=(?:[a-z]+ly\s+|also\s+|already\s+|now\s+)*(?:is|was|has|had|will|would|can|could|did|does|plans|[a-z]+ed|[a-z]{3,}s)\b)/g;
const POSSESSIVE = /\b(its|Its)\b/g;
const verbAfter = new RegExp(`^(?:,[^,〔]*,)?\\s*(?:(?:${ADVERBS})\\s+)*(?:has|have|had|is|are|was|were|will|would|can|could|may|might|did|does|said|says|plans?|${IRREGULAR_VERBS}|[a-z]+ed|[a-z]{3,}s)\\b`);

function overlaps(references: Reference[], start: number, end: number): boolean {
  return references.some((reference) => start < reference.end && end > reference.start);
}

/** Finds the clause's references, creating the unnamed products and regulators it describes. */
export function readClause(table: EntityTable, sentence: TextSpan, clause: TextSpan, discourse: Discourse): MaskedClause {
  const references: Reference[] = table.mentionsIn(clause.start, clause.end).map((mention) => ({ entity: mention.entity, start: mention.start, end: mention.end, anaphor: false }));
  const text = clause.text;
  const at = (index: number): number => clause.start + index;
  const entityBefore = (offset: number, skip = 0): number | null => {
    const before = references.filter((reference) => reference.end <= offset).sort((a, b) => b.start - a.start);
    const distinct = [...new Set(before.map((reference) => reference.entity)), ...discourse.recent.slice().reverse()];
    return [...new Set(distinct)][skip] ?? null;
  };
  const add = (entity: number | null, start: number, end: number, anaphor: boolean): void => {
    if (entity === null || overlaps(references, start, end)) return;
    references.push({ entity, start, end, anaphor });
  };

  // Unnamed regulators: "the Hong Kong authority".
  for (const match of text.matchAll(new RegExp(`\\bthe\\s+((?:[A-Z][\\p{L}-]*\\s+){1,3}(?:${REGULATOR_HEADS}))\\b`, 'gu'))) {
    const name = match[1] ?? '';
    const start = at((match.index ?? 0) + match[0].length - name.length);
    const covering = references.filter((reference) => reference.start >= start && reference.end <= start + name.length);
    if (references.some((reference) => reference.start < start + name.length && reference.end > start && !covering.includes(reference))) continue;
    for (const reference of covering) references.splice(references.indexOf(reference), 1);
    const index = table.resolve(name, { label: 'Regulator', evidence: 'context' });
    table.relabel(index, 'Regulator', 'context');
    table.addMention(index, start, start + name.length);
    references.push({ entity: index, start, end: start + name.length, anaphor: false });
  }

  // Descriptions and pronouns.
  for (const match of text.matchAll(DESCRIPTION)) {
    const start = at(match.index ?? 0);
    const end = start + match[0].length;
    const head = (match[1] ?? '').toLowerCase();
    if (overlaps(references, start, end)) continue;
    // "Flutterwave, the Lagos-based payments startup": an apposition describes the name before it.
    // (Not "Zhou Min, the bank's chief information officer": the possessive is another entity's.)
    const possessive = /^['’]s\b/.test(text.slice(end - clause.start));
    if (!possessive && references.some((reference) => reference.end <= start && /^\s*,\s*$/.test(text.slice(reference.end - clause.start, start - clause.start)))) continue;
    // "The new firm, Harbour Consumer Finance,", "the e-commerce group Dragonfly Mall": the description introduces the name after it.
    if (references.some((reference) => !reference.anaphor && reference.start >= end && /^\s*,?\s*$/.test(text.slice(end - clause.start, reference.start - clause.start)))) continue;
    const candidates = [...references.filter((reference) => reference.end <= start).map((reference) => reference.entity).reverse(), ...discourse.recent.slice().reverse()];
    if (head === 'latter') add(entityBefore(start), start, end, true);
    else if (head === 'former') add(entityBefore(start, 1), start, end, true);
    else if (head === 'bank' || head === 'lender') add(candidates.find((entity) => table.entities[entity]?.label === 'Bank') ?? null, start, end, true);
    else {
      // "The internet company", "the insurer": what the text is about when it is such an
      // organisation, else the last one named that is (a bank is not "the company").
      const fits = (entity: number | null): boolean => {
        const found = entity === null ? undefined : table.entities[entity];
        if (!found || found.label !== 'Company') return false;
        return head !== 'insurer' || /\b(?:Insurance|Assurance|Life|Re|Mutual)\b/.test([found.name, ...found.aliases].join(' '));
      };
      add(fits(discourse.topic) ? discourse.topic : (candidates.find(fits) ?? (head === 'insurer' ? null : discourse.topic)), start, end, true);
    }
  }
  // "The two will jointly develop …": the two organisations named together last.
  for (const match of text.matchAll(/\b[Tt]he two(?:\s+(?:companies|firms|banks|groups|sides|partners|lenders|insurers))?\b(?!\s+of\b)/gu)) {
    const start = at(match.index ?? 0);
    const end = start + match[0].length;
    if (overlaps(references, start, end)) continue;
    const before = [...new Set(references.filter((reference) => reference.end <= start && ORGANISATIONS.has(table.entities[reference.entity]?.label ?? '')).map((reference) => reference.entity))];
    const pair = before.length >= 2 ? [before[0], before[1]] : discourse.pair;
    if (!pair || pair[0] === undefined || pair[1] === undefined) continue;
    // Two references on one span: the masked text reads "〔i〕 and 〔j〕".
    references.push({ entity: pair[0], start, end, anaphor: true }, { entity: pair[1], start, end, anaphor: true });
  }
  for (const match of text.matchAll(PRONOUN_SUBJECT)) {
    const start = at((match.index ?? 0) + match[0].indexOf('It'));
    add(discourse.topic, start, start + 2, true);
  }
  const possessives = [...text.matchAll(POSSESSIVE)];
  references.sort((a, b) => a.start - b.start);

  // Unnamed products: "its consortium blockchain network", "X's wealth management products",
  // "introduced a blockchain-based invoicing system".
  const product = `((?:(?:[a-z][\\p{L}\\d-]*|[A-Z]{2,5})\\s+){0,4}?(?:${PRODUCT_HEADS}))\\b`;
  // "Ant Group's credit platform, Xinyi Dai": the phrase describes the name after it, which is the product.
  const namedAfter = (phraseEnd: number): boolean => references.some((reference) => !reference.anaphor && reference.start >= at(phraseEnd) && /^\s*,?\s*$/.test(text.slice(phraseEnd, reference.start - clause.start)));
  const owned = (ownerIndex: number | null, ownerName: string, phraseStart: number, phrase: string, label: 'Product'): void => {
    const start = at(phraseStart);
    const end = start + phrase.length;
    if (overlaps(references, start, end) || /^(?:own|other|new|latest|first|financial|such)\s/.test(phrase) && phrase.split(/\s+/).length < 2) return;
    if (namedAfter(phraseStart + phrase.length)) return;
    const owner = ownerIndex === null ? null : table.entities[ownerIndex];
    const name = `${owner ? `${owner.name} ` : ownerName}${phrase.replace(/\s+/g, ' ')}`;
    const index = table.resolve(name, { label, evidence: 'context' });
    table.relabel(index, label, 'context');
    table.addMention(index, start, end);
    references.push({ entity: index, start, end, anaphor: false });
  };
  for (const match of possessives) {
    const after = text.slice((match.index ?? 0) + match[0].length);
    const phrase = new RegExp(`^\\s+${product}`, 'u').exec(after);
    // "its" is the clause's subject when one came before it ("Ant Financial has launched … its
    // network"), else what the text is about.
    const subject = references.find(
      (reference) => reference.end <= at(match.index ?? 0) && !reference.anaphor && ORGANISATIONS.has(table.entities[reference.entity]?.label ?? '') && verbAfter.test(text.slice(reference.end - clause.start)),
    );
    const owner = subject ? subject.entity : discourse.topic;
    const ownerReference = { entity: owner, start: at(match.index ?? 0), end: at((match.index ?? 0) + 3) };
    if (ownerReference.entity !== null && !overlaps(references, ownerReference.start, ownerReference.end)) references.push({ ...ownerReference, entity: ownerReference.entity, anaphor: true });
    if (phrase?.[1] && owner !== null && !/^(?:own|other)\b/.test(phrase[1])) owned(owner, '', (match.index ?? 0) + match[0].length + (phrase[0].length - phrase[1].length), phrase[1], 'Product');
  }
  references.sort((a, b) => a.start - b.start);
  for (const match of text.matchAll(new RegExp(`(\\b[A-Z][\\p{L}.-]*(?:\\s+[A-Z][\\p{L}.-]*){0,3}|\\b[Tt]he latter|\\b[Tt]he former)['’]s\\s+${product}`, 'gu'))) {
    const ownerText = match[1] ?? '';
    const phrase = match[2] ?? '';
    const ownerStart = at(match.index ?? 0);
    const ownerRef = references.find((reference) => reference.start <= ownerStart + ownerText.length - 1 && reference.end >= ownerStart + ownerText.length);
    if (ownerRef) owned(ownerRef.entity, '', (match.index ?? 0) + match[0].length - phrase.length, phrase, 'Product');
    else owned(null, '', match.index ?? 0, match[0], 'Product');
  }
  references.sort((a, b) => a.start - b.start);
  for (const match of text.matchAll(new RegExp(`\\b(?:launch(?:ed|es|ing)?|introduc(?:ed|es|ing)|unveil(?:ed|s|ing)?|roll(?:ed|s|ing)? out|releas(?:ed|es|ing)|debut(?:ed|s)|develop(?:ed|s|ing)|buil(?:t|ds))\\s+(?:an?|the)\\s+${product}`, 'gu'))) {
    const phrase = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length - phrase.length;
    const owner = subjectBefore(references, table, at(match.index ?? 0));
    if (owner !== null) owned(owner, '', start, phrase, 'Product');
  }
  references.sort((a, b) => a.start - b.start);

  let masked = '';
  let cursor = clause.start;
  references.forEach((reference, index) => {
    const previous = references[index - 1];
    const sameSpan = previous !== undefined && previous.start === reference.start && previous.end === reference.end;
    masked += (sameSpan ? ' and ' : clauseText(sentence, clause, cursor, reference.start)) + `〔${index}〕`;
    cursor = reference.end;
  });
  masked += clauseText(sentence, clause, cursor, clause.end);
  labelAppositions(table, references, masked);
  return { clause, sentence, references, masked };
}

/** "ICBC, China's largest bank by assets", "Totem, a … platform": the apposition gives the label. */
function labelAppositions(table: EntityTable, references: Reference[], masked: string): void {
  const pattern = new RegExp(`〔(\\d+)〕,\\s+(?:an?|the|〔\\d+〕['’]s|[A-Z][\\p{L}]*['’]s)\\s+(?:(?!(?:at|of|for|with|in|from|by|to)\\s)[\\p{L}-]+\\s+){0,4}?(${ROLE_HEADS}|bank|lender|regulator|authority|watchdog|${PRODUCT_HEADS}|company|firm|startup|consultancy|group|giant|conglomerate|insurer)\\b`, 'gu');
  for (const match of masked.matchAll(pattern)) {
    const reference = references[Number(match[1])];
    if (!reference || reference.anaphor) continue;
    if (new RegExp(`^(?:${ROLE_HEADS})$`).test((match[2] ?? '').toLowerCase()) && !/^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}$/.test(table.entities[reference.entity]?.name ?? '')) continue;
    const head = (match[2] ?? '').toLowerCase();
    // "an online lender" may be no bank; "a bank" is one.
    if (head === 'lender') continue;
    const label = new RegExp(`^(?:${ROLE_HEADS})$`).test(head) ? 'Person' : head === 'bank' ? 'Bank' : /^(?:regulator|authority|watchdog)$/.test(head) ? 'Regulator' : new RegExp(`^(?:${PRODUCT_HEADS})$`).test(head) ? 'Product' : 'Company';
    table.relabel(reference.entity, label, 'context');
  }
  // "Ant Group's credit platform, Xinyi Dai", "its payments app, Zorvex Pay": the name after a product phrase is the product.
  for (const match of masked.matchAll(new RegExp(`(?:\\b(?:an?|the)|〔\\d+〕(?:['’]s)?)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${PRODUCT_HEADS})\\s*,\\s*〔(\\d+)〕`, 'giu'))) {
    const reference = references[Number(match[1])];
    if (reference && !reference.anaphor) table.relabel(reference.entity, 'Product', 'context');
  }
}

function clauseText(_sentence: TextSpan, clause: TextSpan, from: number, to: number): string {
  return clause.text.slice(from - clause.start, to - clause.start);
}

/** The organisation nearest before `offset` (a name or a resolved pronoun). */
function subjectBefore(references: Reference[], table: EntityTable, offset: number): number | null {
  const before = references.filter((reference) => reference.end <= offset && ORGANISATIONS.has(table.entities[reference.entity]?.label ?? ''));
  return before[before.length - 1]?.entity ?? null;
}

/** After a clause: its subject becomes the topic when it is an organisation; its mentions the recent ones. */
export function advanceDiscourse(discourse: Discourse, clause: MaskedClause, table: EntityTable): Discourse {
  let topic = discourse.topic;
  const placeholders = [...clause.masked.matchAll(/〔(\d+)〕/g)];
  for (const match of placeholders) {
    const reference = clause.references[Number(match[1])];
    if (!reference) continue;
    const after = clause.masked.slice((match.index ?? 0) + match[0].length);
    const before = clause.masked.slice(0, match.index ?? 0);
    if (/['’]s\b/.test(after.slice(0, 2))) continue;
    if (/\baccording to\s*$|\b(?:with|of|from|by|to)\s+$/.test(before)) continue;
    if (verbAfter.test(after.replace(/^(?:\s*(?:,\s*)?(?:along with|and|as well as)\s+〔\d+〕)+,?/, '')) && ORGANISATIONS.has(table.entities[reference.entity]?.label ?? '')) {
      topic = reference.entity;
      break;
    }
  }
  if (topic === discourse.topic && discourse.topic === null) {
    const first = clause.references.find((reference) => ORGANISATIONS.has(table.entities[reference.entity]?.label ?? ''));
    if (first) topic = first.entity;
  }
  const recent = [...discourse.recent, ...clause.references.map((reference) => reference.entity)].slice(-6);
  const named = [...new Set(clause.references.filter((reference) => ORGANISATIONS.has(table.entities[reference.entity]?.label ?? '')).map((reference) => reference.entity))];
  const pair: [number, number] | null = named.length >= 2 && named[0] !== undefined && named[1] !== undefined ? [named[0], named[1]] : discourse.pair;
  return { topic, recent, pair };
}
