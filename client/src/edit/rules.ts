/**
 * The pure parts of editing by hand: which relationship types may join two nodes, property texts
 * typed back into values, the edit of a property table as a change (set, unset and what was read),
 * a refused change in the user's words, and a change of the history as lines of text.
 */
import type { ChangeRecord, ChangeValue, EditModel, ElementState, PlainValue, Problem, StoredValue } from '../../../server/contract';

/** A type the connect form offers, and which way it runs between the two nodes picked. */
export interface TypeChoice {
  type: string;
  meaning: string;
  /** 'out': from the first node to the second; 'in': the other way; 'either': both are allowed. */
  direction: 'out' | 'in' | 'either';
  symmetric: boolean;
}

/** The model's types that may join nodes with these labels, each with the directions it allows. Free databases: none (any name). */
export function typesBetween(model: EditModel, first: readonly string[], second: readonly string[]): TypeChoice[] {
  const joins = (from: readonly string[], to: readonly string[], rule: { from: string[]; to: string[] }): boolean =>
    from.some((label) => rule.from.includes(label)) && to.some((label) => rule.to.includes(label));
  return model.relationshipTypes.flatMap((rule): TypeChoice[] => {
    const out = joins(first, second, rule);
    const back = joins(second, first, rule);
    if (!out && !back) return [];
    return [{ type: rule.type, meaning: rule.meaning, direction: out && back ? 'either' : out ? 'out' : 'in', symmetric: rule.symmetric }];
  });
}

/** Properties the forms never show as editable: the stable key and the evidence Fingraph keeps. */
export const OWN_PROPERTIES = new Set(['id', 'formerIds', 'sourceIds', 'quotes']);

/** A value as the text of a form field (lists one item a line). */
export function valueToText(value: PlainValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * What the user typed, as the value to write: of the kind the property had (a number stays a
 * number, a list a list, one item a line), else a text. Null: the field is empty (remove it).
 */
export function textToValue(text: string, before: PlainValue): ChangeValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (Array.isArray(before)) {
    const items = trimmed.split('\n').map((item) => item.trim()).filter((item) => item !== '');
    if (before.length > 0 && before.every((item) => typeof item === 'number') && items.every((item) => Number.isFinite(Number(item)))) return items.map(Number);
    return items;
  }
  if (typeof before === 'number' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (typeof before === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return trimmed;
}

export interface PropertyEdit {
  set: Record<string, ChangeValue>;
  unset: string[];
  /** The values read before editing, for every property set or unset (the server refuses a save whose values moved: 409). */
  expected: Record<string, PlainValue>;
}

/** The difference between the properties read and the fields as the user left them (name → text). Pure. */
export function propertyEdit(before: Readonly<Record<string, PlainValue>>, fields: ReadonlyArray<{ name: string; text: string }>): PropertyEdit {
  const edit: PropertyEdit = { set: {}, unset: [], expected: {} };
  const kept = new Set<string>();
  for (const { name, text } of fields) {
    const key = name.trim();
    if (key === '' || OWN_PROPERTIES.has(key)) continue;
    kept.add(key);
    const old = before[key] ?? null;
    const value = textToValue(text, old);
    if (value === null) {
      if (old !== null) {
        edit.unset.push(key);
        edit.expected[key] = old;
      }
    } else if (JSON.stringify(value) !== JSON.stringify(old)) {
      edit.set[key] = value;
      edit.expected[key] = old;
    }
  }
  for (const [key, old] of Object.entries(before)) {
    if (OWN_PROPERTIES.has(key) || kept.has(key)) continue;
    edit.unset.push(key);
    edit.expected[key] = old;
  }
  return edit;
}

/** Aliases typed one a line or separated by commas. */
export function aliasList(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((alias) => alias.trim()).filter((alias) => alias !== ''))];
}

/** A refused or failed change in the user's words: what the server said, and the lines that say more. */
export function refusalText(status: number, problem: Problem | null, message: string): { message: string; details: string[] } {
  if (status === 403) return { message: `Editing is not enabled here: ${message}`, details: [] };
  if (status === 0) return { message: 'The Fingraph server does not answer, so nothing was saved. Your form is kept: try again when it is back.', details: [] };
  const details: string[] = [];
  for (const conflict of problem?.conflicts ?? []) {
    details.push(`${conflict.key}${conflict.property ? ` · ${conflict.property}` : ''}: you read ${shown(conflict.expected)}, it is now ${shown(conflict.current)}.`);
  }
  for (const gone of [...(problem?.goesWith ?? []), ...(problem?.citedBy ?? [])]) details.push(`${gone.from ?? '?'} —${gone.type}→ ${gone.to ?? '?'}`);
  const rule = problem?.rule ? ` (rule: ${problem.rule})` : '';
  // (The server's own "nothing was written" would say it twice.)
  const said = message.replace(/^The change was not applied \(nothing was written\): /, '');
  if (status === 409) return { message: `Someone changed this since you opened the form; nothing was saved${rule}. ${said}`, details };
  return { message: `Nothing was saved${rule}: ${said}`, details };
}

function shown(value: PlainValue): string {
  return value === null ? 'nothing' : `“${valueToText(value).replace(/\n/g, ', ')}”`;
}

/** A stored value as text (integers, temporals, points and bytes tagged by the history). */
function storedText(value: StoredValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.map((item) => storedText(item)).join(', ');
  if (typeof value === 'object') {
    if ('$int' in value) return value.$int;
    if ('$float' in value) return value.$float;
    if ('$temporal' in value) return value.text;
    if ('$point' in value) return `point(${[value.$point.x, value.$point.y, value.$point.z].filter((part) => part !== undefined).join(', ')}; SRID ${value.$point.srid})`;
    return `${Math.floor((value.$bytes.length * 3) / 4)} bytes`;
  }
  return String(value);
}

/** What a change did to one element, as short lines ("country: China → PRC"). Pure. */
export function elementLines(before: ElementState | null, after: ElementState | null): string[] {
  if (before === null && after === null) return [];
  if (before === null) return [after!.kind === 'node' ? `created as ${after!.labels.join(', ')}` : `created (${after!.type})`];
  if (after === null) return [before.kind === 'node' ? 'deleted' : `deleted (${before.type})`];
  const lines: string[] = [];
  if (before.kind === 'relationship' && after.kind === 'relationship' && (before.from !== after.from || before.to !== after.to)) {
    lines.push(`moved: ${before.from} → ${before.to} became ${after.from} → ${after.to}`);
  }
  const keys = [...new Set([...Object.keys(before.properties), ...Object.keys(after.properties)])].sort();
  for (const key of keys) {
    const old = before.properties[key];
    const now = after.properties[key];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    if (key === 'quotes' || key === 'sourceIds') {
      if (key === 'quotes') lines.push('evidence added or changed');
      continue;
    }
    lines.push(`${key}: ${storedText(old)} → ${storedText(now)}`);
  }
  return lines.length > 0 ? lines : ['no visible change'];
}

/** One change of an element's history as text: who, when, the comment; and its lines for that key. */
export function historyEntry(change: ChangeRecord, key: string): { heading: string; comment: string; lines: string[]; others: number } {
  const mine = change.elements.filter((element) => element.key === key);
  return {
    heading: `${change.author} · ${formatWhen(change.at)}`,
    comment: change.comment,
    lines: mine.flatMap((element) => elementLines(element.before, element.after)),
    others: change.elements.length - mine.length,
  };
}

/** An ISO time as "2026-12-01 12:15 UTC" (the same for every reader). */
export function formatWhen(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
