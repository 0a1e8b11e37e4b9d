/**
 * What the Cypher editor offers at the cursor, from the text before it and the live schema: labels
 * after `:` in a node pattern or a label test, relationship types after `:` (or `|`) in a
 * relationship pattern, property keys after `variable.`, parameters after `$`, procedures after
 * `CALL`, and otherwise functions, keywords and the query's own variables. It says where the word
 * being completed starts, so that accepting a suggestion replaces that word and nothing before it
 * (the colon, the variable, the dollar sign stay). Pure: no editor, no DOM.
 */

export interface CompletionSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  functions: Array<{ name: string; signature: string }>;
  procedures: Array<{ name: string; signature: string }>;
  /** Names of the parameters box's entries, without `$`. */
  parameters: string[];
}

export type SuggestionKind = 'label' | 'type' | 'property' | 'parameter' | 'function' | 'procedure' | 'keyword' | 'variable';

export interface Suggestion {
  /** What the list shows and what typed text is matched against. */
  label: string;
  /** What replaces the word being completed. */
  apply: string;
  kind: SuggestionKind;
  detail?: string;
}

export interface Completion {
  /** Where the word being completed starts (the text from here to the cursor is replaced). */
  from: number;
  options: Suggestion[];
}

const KEYWORDS = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER BY', 'SKIP', 'LIMIT', 'DISTINCT', 'AS', 'AND', 'OR',
  'XOR', 'NOT', 'IN', 'IS NULL', 'IS NOT NULL', 'STARTS WITH', 'ENDS WITH', 'CONTAINS', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'CALL', 'YIELD', 'UNION', 'UNION ALL', 'EXISTS', 'COUNT', 'COLLECT', 'ASC', 'DESC', 'true', 'false', 'null',
  'shortestPath', 'allShortestPaths', 'SHORTEST',
];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name as Cypher writes it: bare when it is an identifier, else in backticks. */
export function escapeName(name: string): string {
  return IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/**
 * The text with string literals and comments blanked (same length), and whether `pos` is inside
 * one of them (then nothing is offered).
 */
function blank(text: string, pos: number): { code: string; insideLiteral: boolean } {
  let code = '';
  let insideLiteral = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    let stop: number;
    let terminated: boolean;
    if (char === '/' && next === '/') {
      const end = text.indexOf('\n', index);
      stop = end === -1 ? text.length : end;
      terminated = false;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      stop = end === -1 ? text.length : end + 2;
      terminated = end !== -1;
    } else if (char === "'" || char === '"') {
      stop = index + 1;
      while (stop < text.length && text[stop] !== char) stop += text[stop] === '\\' ? 2 : 1;
      terminated = stop < text.length;
      stop = Math.min(stop + 1, text.length);
    } else {
      code += char;
      index += 1;
      continue;
    }
    // The cursor is inside a literal or comment after its first character and before its end (an
    // unterminated one, or a line comment, also at its end).
    if (pos > index && (pos < stop || (pos === stop && !terminated))) insideLiteral = true;
    code += text.slice(index, stop).replace(/[^\n]/g, ' ');
    index = stop;
  }
  return { code, insideLiteral };
}

/** The innermost bracket still open at the end of `code`: '(', '[', '{' or null. */
function openBracket(code: string): '(' | '[' | '{' | null {
  const stack: string[] = [];
  for (const char of code) {
    if (char === '(' || char === '[' || char === '{') stack.push(char);
    else if (char === ')' || char === ']' || char === '}') stack.pop();
  }
  return (stack.at(-1) as '(' | '[' | '{' | undefined) ?? null;
}

/** Variables the query introduces: in patterns `(x`, `[x`, `p =`, and after AS, UNWIND … AS, FOREACH (x. */
function variablesOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/[([]\s*([A-Za-z_][A-Za-z0-9_]*)/g)) found.add(match[1]!);
  for (const match of code.matchAll(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) found.add(match[1]!);
  for (const match of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:shortestPath|allShortestPaths|\(|SHORTEST|ANY|ALL)/gi)) found.add(match[1]!);
  return [...found];
}

function named(names: string[], kind: SuggestionKind): Suggestion[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b)).map((name) => ({ label: escapeName(name), apply: escapeName(name), kind }));
}

/**
 * What to offer at `pos` of `text`. `explicit`: the user asked (Ctrl+Space), so an empty word gets
 * suggestions too. Null when there is nothing to offer.
 */
export function complete(text: string, pos: number, schema: CompletionSchema, explicit = false): Completion | null {
  const { code: blanked, insideLiteral } = blank(text, pos);
  if (insideLiteral) return null;
  const before = blanked.slice(0, pos);

  // A name in backticks being typed, or a plain word.
  const word = /(`[^`]*|[A-Za-z_][A-Za-z0-9_]*)?$/.exec(before)!;
  const typed = word[1] ?? '';
  const from = pos - typed.length;
  const lead = before.slice(0, from);

  // $name
  if (lead.endsWith('$')) {
    return { from, options: named(schema.parameters, 'parameter') };
  }

  // :Label, :TYPE, and the names after | & ! in a label or type expression.
  const colon = /(:|[|&!])\s*$/.exec(lead);
  if (colon) {
    const bracket = openBracket(lead);
    // `{key: value}`: a map's colon, not a label.
    if (bracket === '{') return null;
    if (colon[1] !== ':' && !/:[\s\w`|&!]*$/.test(lead.slice(0, colon.index + 1))) return null;
    // `x :: TYPE` (a type predicate) is not a label either.
    if (lead.slice(0, colon.index).endsWith(':')) return null;
    if (bracket === '[') return { from, options: named(schema.relationshipTypes, 'type') };
    return { from, options: named(schema.labels, 'label') };
  }

  // CALL db.labels (a procedure, dotted).
  const call = /\bCALL\s+((?:[A-Za-z_][A-Za-z0-9_]*\.)*)$/i.exec(lead);
  if (call) {
    const start = lead.length - call[1]!.length;
    return {
      from: start,
      options: schema.procedures.map((procedure) => ({ label: procedure.name, apply: procedure.name, kind: 'procedure' as const, detail: procedure.signature })),
    };
  }

  // variable.property, or a namespaced function (date.truncate, db.nameFromElementId).
  const dotted = /((?:[A-Za-z_][A-Za-z0-9_]*\.)+)$/.exec(lead);
  if (dotted) {
    const namespace = dotted[1]!;
    const functions = schema.functions
      .filter((fn) => fn.name.toLowerCase().startsWith(namespace.toLowerCase()))
      .map((fn) => ({ label: fn.name, apply: fn.name, kind: 'function' as const, detail: fn.signature }));
    if (functions.length > 0) return { from: lead.length - namespace.length, options: functions };
    return { from, options: named(schema.propertyKeys, 'property') };
  }

  if (typed === '' && !explicit) return null;
  // A number is not a word to complete (`LIMIT 2`).
  if (/[0-9]$/.test(lead)) return null;
  const variables = variablesOf(blanked).filter((name) => name !== typed);
  return {
    from,
    options: [
      ...named(variables, 'variable'),
      ...schema.functions.filter((fn) => !fn.name.includes('.')).map((fn) => ({ label: fn.name, apply: fn.name, kind: 'function' as const, detail: fn.signature })),
      ...KEYWORDS.map((keyword) => ({ label: keyword, apply: keyword, kind: 'keyword' as const })),
    ],
  };
}
