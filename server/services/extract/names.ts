/**
 * What a name says by itself: its normal form, its core without legal suffixes, its initials, whether
 * two names are one entity's, and the label its words give. Pure.
 */
import { CENTRAL_BANK, CORPORATE_SUFFIXES, COMPANY_WORDS, GENERIC_NAME_WORDS, INDUSTRY_NAME_WORDS, REGULATOR_WORDS } from './lexicon';

/** How sure the label is: from the graph, from the name's words or its context, or only a default. */
export type LabelEvidence = 'graph' | 'name' | 'context' | 'default';

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
