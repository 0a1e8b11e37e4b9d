/**
 * Cypher text as tokens, for the console's guard: words, backquoted names, string literals (with
 * their decoded value), numbers, parameters and punctuation; comments and whitespace are dropped.
 * Pure: no Neo4j. It does not parse Cypher, it only makes sure that a literal, a comment or a
 * quoted name can never be read as a keyword.
 */

export type TokenKind = 'word' | 'name' | 'string' | 'number' | 'parameter' | 'punctuation';

export interface Token {
  kind: TokenKind;
  /** The text as written (for a string, its decoded value; for a name or parameter, without backquotes or `$`). */
  text: string;
  /** Upper case of `text`, for comparing keywords. */
  upper: string;
  /** Offset of the first character in the query. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

const LINE_END = /[\n\r\u0085\u2028\u2029]/g;
const WORD = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const NUMBER = /(?:0x[0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)/y;
const TWO_CHARS = new Set(['=~', '<>', '<=', '>=', '..', '->', '<-', '+=', '::', '||', '!=']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\' };

function token(kind: TokenKind, text: string, start: number, end: number): Token {
  return { kind, text, upper: text.toUpperCase(), start, end };
}

/** Reads a quoted run from `start` (at the opening quote); returns its value and the offset after it. */
function quoted(query: string, start: number, quote: string): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < query.length) {
    const char = query[index]!;
    if (quote === '`') {
      // A backquote inside a quoted name is written twice.
      if (char === '`' && query[index + 1] === '`') {
        value += '`';
        index += 2;
        continue;
      }
      if (char === '`') return { value, end: index + 1 };
    } else if (char === '\\') {
      const next = query[index + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(query.slice(index + 2, index + 6))) {
        value += String.fromCharCode(Number.parseInt(query.slice(index + 2, index + 6), 16));
        index += 6;
      } else {
        value += ESCAPES[next] ?? next;
        index += 2;
      }
      continue;
    } else if (char === quote) {
      return { value, end: index + 1 };
    }
    value += char;
    index += 1;
  }
  return { value, end: query.length };
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    const next = query[index + 1];
    if (/\s/u.test(char)) {
      index += 1;
    } else if (char === '/' && next === '/') {
      // Up to any line terminator: ending a comment too early only shows the guard more text.
      LINE_END.lastIndex = index;
      const end = LINE_END.exec(query);
      index = end ? end.index : query.length;
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', index + 2);
      index = end === -1 ? query.length : end + 2;
    } else if (char === "'" || char === '"') {
      const { value, end } = quoted(query, index, char);
      tokens.push(token('string', value, index, end));
      index = end;
    } else if (char === '`') {
      const { value, end } = quoted(query, index, '`');
      tokens.push(token('name', value, index, end));
      index = end;
    } else if (char === '$') {
      const start = index;
      index += 1;
      if (query[index] === '`') {
        const { value, end } = quoted(query, index, '`');
        tokens.push(token('parameter', value, start, end));
        index = end;
      } else {
        WORD.lastIndex = index;
        const word = WORD.exec(query) ?? (/\d+/y.exec(query.slice(index)) as RegExpExecArray | null);
        const text = word?.[0] ?? '';
        tokens.push(token('parameter', text, start, index + text.length));
        index += text.length;
      }
    } else if (/\d/.test(char)) {
      NUMBER.lastIndex = index;
      const text = NUMBER.exec(query)![0];
      tokens.push(token('number', text, index, index + text.length));
      index += text.length;
    } else {
      WORD.lastIndex = index;
      const word = WORD.exec(query);
      if (word) {
        tokens.push(token('word', word[0], index, index + word[0].length));
        index += word[0].length;
      } else {
        const pair = query.slice(index, index + 2);
        const text = TWO_CHARS.has(pair) ? pair : String.fromCodePoint(query.codePointAt(index)!);
        tokens.push(token('punctuation', text, index, index + text.length));
        index += text.length;
      }
    }
  }
  return tokens;
}

/** The index of the token that closes the bracket at `open` (or tokens.length when it is never closed). */
export function closing(tokens: Token[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let index = open; index < tokens.length; index += 1) {
    const text = tokens[index]!.kind === 'punctuation' ? tokens[index]!.text : '';
    if (pairs[text]) stack.push(pairs[text]);
    else if (text === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return index;
    }
  }
  return tokens.length;
}

/** Whether the word at `index` is used as a keyword: not a property (`n.show`), label (`:SHOW`), map key (`{show: 1}`) or alias (`AS union`). */
export function isKeyword(tokens: Token[], index: number, upper: string): boolean {
  const at = tokens[index];
  if (!at || at.kind !== 'word' || at.upper !== upper) return false;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (before?.kind === 'punctuation' && (before.text === '.' || before.text === ':' || before.text === '$')) return false;
  if (after?.kind === 'punctuation' && after.text === ':') return false;
  return !(before?.kind === 'word' && before.upper === 'AS');
}
