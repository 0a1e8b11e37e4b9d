/** Sentences and clauses of a text, with their character offsets. Pure. */

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'co', 'corp', 'inc', 'ltd', 'bhd', 'plc', 'llc', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'vs', 'e.g', 'i.e', 'u.s', 'u.k', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'jr', 'sr', 'gov', 'rep', 'sen', 'gen', 'approx', 'dept', 'est',
]);

/** Abbreviated months: "Jan. 5" goes on. */
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Abbreviations that never end a sentence even before a capital letter (titles). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gov', 'rep', 'sen', 'gen', 'jr', 'sr']);

/**
 * Splits at ., ! or ? followed by white space (and an optional closing quote) and a capital letter,
 * digit or opening quote, unless the word before is an abbreviation; a line break always ends a
 * sentence. Bullets and surrounding spaces are trimmed off the spans.
 */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    let to = end;
    while (from < to && /[\s•·*\-–—]/.test(text[from] ?? '')) from += 1;
    while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
    if (to > from) spans.push({ start: from, end: to, text: text.slice(from, to) });
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') {
      push(i);
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let end = i + 1;
    while (end < text.length && /["”’')\]]/.test(text[end] ?? '')) end += 1;
    const next = text.slice(end, end + 40);
    // A sentence ends before white space and a capital letter, a digit or an opening quote, or at the end.
    if (!/^\s*$/.test(next) && !/^\s+["“‘(]?[A-Z0-9]/.test(next)) continue;
    if (char === '.') {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (TITLES.has(word)) continue;
      // "Co. Ltd." is one name.
      if (ABBREVIATIONS.has(word) && /^\s+(?:Ltd|Inc|Corp|Co|Bhd|Plc|Llc|Limited)\b/i.test(next)) continue;
      if (MONTHS.has(word) && /^\s+\d/.test(next)) continue; // "Jan. 5"
      if (/^[a-z]$/i.test(word)) continue; // an initial: "J. Smith"
    }
    push(end);
  }
  push(text.length);
  return spans;
}

/** A sentence cut at semicolons: each clause states its own facts. */
export function splitClauses(sentence: TextSpan): TextSpan[] {
  const clauses: TextSpan[] = [];
  let from = 0;
  const parts = sentence.text.split(';');
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    const body = part.trim();
    if (body) clauses.push({ start: sentence.start + from + lead, end: sentence.start + from + lead + body.length, text: body });
    from += part.length + 1;
  }
  return clauses;
}
