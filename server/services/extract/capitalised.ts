/**
 * Capitalised names in a sentence that no known name covers: runs of name words and connectors
 * ("Bank of Hangzhou", "Ping An Insurance (Group) Co of China"), without the words that start
 * sentences, headings, places and nationalities. Pure.
 */
import { ADVERBS, CORPORATE_SUFFIXES, COMPANY_WORDS, DEMONYMS, FUNCTION_WORDS, INSTITUTIONAL_WORDS, IRREGULAR_VERBS, MONTHS_AND_DAYS, NOT_NAMES, PLACE_HEADS, PLACES, REGULATOR_WORDS } from './lexicon';
import type { TextSpan } from './sentences';

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

export interface NameSpan {
  start: number;
  end: number;
  text: string;
}

/** Capitalised names in one sentence that no known name covers. */
export function capitalisedNames(sentence: TextSpan, covered: (start: number, end: number) => boolean, capitalisedElsewhere: Set<string>): NameSpan[] {
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
export function capitalisedMidSentence(sentences: TextSpan[]): Set<string> {
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(/(?<=[\p{L}\p{N},;:] )([A-Z][a-z]+)/gu)) if (match[1]) seen.add(match[1]);
  }
  return seen;
}
