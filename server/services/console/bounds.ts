/**
 * Constructs whose cost no time limit stops. Neo4j checks for termination between rows, not inside
 * one expression: a `reduce` over millions of elements, a catastrophic regex or a value nested
 * thousands deep keep a core busy (or overflow a stack) long after the transaction is marked
 * terminated. Where the text shows them, they are refused here, before anything runs:
 *
 * 1. Nesting: brackets in the text at most MAX_NESTING deep; parameter values at most
 *    MAX_PARAMETER_DEPTH deep (the driver and Neo4j pack values recursively).
 * 2. `range(start, end[, step])`: bounds and step are integer literals or parameters holding
 *    integers (so its length is known before it runs), and the lengths of all the ranges of the
 *    query multiplied together are at most RANGE_BUDGET (ranges nest: a range in a reduce in a
 *    comprehension over a range costs their product).
 * 3. `reduce(acc = …, x IN list | body)`: the body does not wrap the accumulator in a list or map
 *    (`[acc]`, `{k: acc}`: one more level of nesting per element; `{k: acc.k + x}` is fine) nor add
 *    it to itself (`acc + acc`: doubles per element).
 * 4. `=~`: the pattern is a string literal or a parameter holding a string, with no backreference,
 *    no quantified group that holds a quantifier or an alternative (`(a+)+`, `(.*a){12}`, `(a|a)*`:
 *    exponential backtracking), and at most MAX_UNBOUNDED_QUANTIFIERS of `*`, `+`, `{n,}` (`.*.*.*.*`:
 *    polynomial backtracking).
 *
 * What the text cannot show (a reduce over a collect() of a large graph) is bounded by Neo4j's
 * memory limit, the console's time limit and, for a local Neo4j, the watchdog.
 */
import { closing, isKeyword, type Token } from './lexer';
import { RefusedQueryError } from './refused';

export const MAX_NESTING = 50;
export const MAX_PARAMETER_DEPTH = 32;
export const RANGE_BUDGET = 10_000;
export const MAX_UNBOUNDED_QUANTIFIERS = 3;

const punctuation = (token: Token | undefined, text: string): boolean => token?.kind === 'punctuation' && token.text === text;
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
const SCALAR_OPERATORS = new Set(['+', '-', '*', '/', '%', '^', '<', '>', '<=', '>=', '=', '<>', '!=']);

function checkNesting(tokens: Token[], parameters: Record<string, unknown>): void {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'punctuation') continue;
    if (OPENERS.has(token.text)) depth += 1;
    else if (CLOSERS.has(token.text)) depth -= 1;
    if (depth > MAX_NESTING) throw new RefusedQueryError(`The query nests brackets more than ${MAX_NESTING} deep; flatten it (WITH steps, fewer nested lists).`);
  }
  const deepest = (value: unknown, level: number): void => {
    if (level > MAX_PARAMETER_DEPTH) throw new RefusedQueryError(`A parameter's value is nested more than ${MAX_PARAMETER_DEPTH} levels deep; flatten it.`);
    if (value !== null && typeof value === 'object') for (const item of Object.values(value)) deepest(item, level + 1);
  };
  deepest(parameters, 0);
}

/** An argument of range(): an integer literal (signed) or a parameter holding one; null when it is anything else. */
function integerArgument(argument: Token[], parameters: Record<string, unknown>): number | null {
  const sign = punctuation(argument[0], '-') ? -1 : 1;
  const rest = punctuation(argument[0], '-') || punctuation(argument[0], '+') ? argument.slice(1) : argument;
  if (rest.length !== 1) return null;
  const [token] = rest;
  if (token!.kind === 'number') {
    const value = Number(token!.text.replace(/_/g, ''));
    return Number.isFinite(value) ? sign * Math.trunc(value) : null;
  }
  if (token!.kind === 'parameter') {
    const value = parameters[token!.text];
    return typeof value === 'number' && Number.isFinite(value) ? sign * Math.trunc(value) : null;
  }
  return null;
}

/** The arguments of the call whose `(` is at `open`, split at its top-level commas. */
function callArguments(tokens: Token[], open: number): Token[][] {
  const close = closing(tokens, open);
  const args: Token[][] = [[]];
  let depth = 0;
  for (let index = open + 1; index < close; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'punctuation' && OPENERS.has(token.text)) depth += 1;
    if (token.kind === 'punctuation' && CLOSERS.has(token.text)) depth -= 1;
    if (depth === 0 && punctuation(token, ',')) args.push([]);
    else args[args.length - 1]!.push(token);
  }
  return args;
}

function checkRanges(tokens: Token[], parameters: Record<string, unknown>): void {
  let product = 1;
  tokens.forEach((_token, index) => {
    if (!isKeyword(tokens, index, 'RANGE') || !punctuation(tokens[index + 1], '(')) return;
    const values = callArguments(tokens, index + 1).map((argument) => integerArgument(argument, parameters));
    if (values.length < 2 || values.length > 3 || values.some((value) => value === null)) {
      throw new RefusedQueryError(
        'range() in the console takes integer literals or parameters as its bounds and step, such as range(1, 100) or range(0, $n), so that its length is known before it runs. To number the items of a list, UNWIND it instead.',
      );
    }
    const [start, end, step = 1] = values as number[];
    const length = step === 0 ? 0 : Math.max(0, Math.floor((end! - start!) / step) + 1);
    product *= Math.max(1, length);
    if (product > RANGE_BUDGET) {
      throw new RefusedQueryError(
        `The ranges of this query make ${product > 1e15 ? 'more than 10^15' : product.toLocaleString('en-US')} elements together (their lengths multiplied); at most ${RANGE_BUDGET.toLocaleString('en-US')} are allowed, because Neo4j cannot stop a query inside one expression. Use smaller ranges, or read rows from the graph with MATCH … LIMIT.`,
      );
    }
  });
}

function checkReduces(tokens: Token[]): void {
  tokens.forEach((_token, index) => {
    if (!isKeyword(tokens, index, 'REDUCE') || !punctuation(tokens[index + 1], '(')) return;
    const accumulator = tokens[index + 2];
    if (!accumulator || (accumulator.kind !== 'word' && accumulator.kind !== 'name')) return;
    const close = closing(tokens, index + 1);
    let depth = 0;
    let bar = -1;
    for (let at = index + 2; at < close; at += 1) {
      const token = tokens[at]!;
      if (token.kind === 'punctuation' && OPENERS.has(token.text)) depth += 1;
      if (token.kind === 'punctuation' && CLOSERS.has(token.text)) depth -= 1;
      if (depth === 0 && punctuation(token, '|')) {
        bar = at;
        break;
      }
    }
    if (bar < 0) return;
    const stack: string[] = [];
    for (let at = bar + 1; at < close; at += 1) {
      const token = tokens[at]!;
      if (token.kind === 'punctuation' && OPENERS.has(token.text)) stack.push(token.text);
      else if (token.kind === 'punctuation' && CLOSERS.has(token.text)) stack.pop();
      const isAccumulator = (token.kind === 'word' || token.kind === 'name') && token.text === accumulator.text && !punctuation(tokens[at - 1], '.') && !punctuation(tokens[at + 1], ':');
      if (!isAccumulator) continue;
      const inList = stack.includes('[');
      const inMap = stack.includes('{');
      // acc.key followed by an operator gives a scalar (a count, a sum): no deeper value.
      const scalar = punctuation(tokens[at + 1], '.') && SCALAR_OPERATORS.has(tokens[at + 3]?.kind === 'punctuation' ? tokens[at + 3]!.text : '');
      if (inList || (inMap && !scalar)) {
        throw new RefusedQueryError(
          `This reduce() puts its accumulator '${accumulator.text}' inside a ${inList ? 'list' : 'map'}, which nests the result one level deeper per element; values nested thousands deep break the answer. Build a flat value instead, such as ${accumulator.text} + [x].`,
        );
      }
      let next = at + 1;
      if (punctuation(tokens[next], '.')) next += 2;
      const doubled = punctuation(tokens[next], '+') && tokens[next + 1]?.text === accumulator.text && !punctuation(tokens[next + 2], '.');
      if (doubled) {
        throw new RefusedQueryError(`This reduce() adds its accumulator '${accumulator.text}' to itself, which doubles it per element. Add the element instead, such as ${accumulator.text} + x.`);
      }
    }
  });
}

/** Why a regular expression may backtrack without end, or null when it cannot. */
export function regexHazard(pattern: string): string | null {
  type Group = { quantified: boolean; alternative: boolean };
  const stack: Group[] = [{ quantified: false, alternative: false }];
  let unbounded = 0;
  let index = 0;
  /** The quantifier at `index` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), if any: its length and whether it is unbounded. */
  const quantifier = (at: number): { length: number; unbounded: boolean } | null => {
    const char = pattern[at];
    if (char === '*' || char === '+') return { length: 1, unbounded: true };
    if (char === '?') return { length: 1, unbounded: false };
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
    if (braces) return { length: braces[0].length, unbounded: braces[2] !== undefined && braces[3] === '' };
    return null;
  };
  /** After an atom (a character, a class, a group) ending before `at`: reads its quantifier. */
  const afterAtom = (at: number, group: Group | null): number => {
    const found = quantifier(at);
    if (!found) {
      if (group) {
        stack[stack.length - 1]!.quantified ||= group.quantified;
        stack[stack.length - 1]!.alternative ||= group.alternative;
      }
      return at;
    }
    if (group && (group.quantified || group.alternative)) return -1;
    if (found.unbounded) unbounded += 1;
    stack[stack.length - 1]!.quantified = true;
    let end = at + found.length;
    // A lazy or possessive mark.
    if (pattern[end] === '?' || pattern[end] === '+') end += 1;
    return end;
  };
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'it uses a backreference';
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', index + 2);
        index = end === -1 ? pattern.length : end + 2;
        continue;
      }
      index = afterAtom(index + 2, null);
    } else if (char === '[') {
      let end = index + 1;
      if (pattern[end] === '^') end += 1;
      if (pattern[end] === ']') end += 1;
      let depth = 1;
      while (end < pattern.length && depth > 0) {
        if (pattern[end] === '\\') end += 1;
        else if (pattern[end] === '[') depth += 1;
        else if (pattern[end] === ']') depth -= 1;
        end += 1;
      }
      index = afterAtom(end, null);
    } else if (char === '(') {
      index += 1;
      if (pattern[index] === '?') {
        index += 1;
        if (pattern[index] === '<' && pattern[index + 1] !== '=' && pattern[index + 1] !== '!') {
          const end = pattern.indexOf('>', index);
          index = end === -1 ? pattern.length : end + 1;
        } else {
          // Flags and the kind of group: (?i), (?:, (?=, (?!, (?<=, (?<!, (?>.
          while (/[a-zA-Z-]/.test(pattern[index] ?? '')) index += 1;
          if (pattern[index] === '<') index += 1;
          if (/[:=!>]/.test(pattern[index] ?? '')) index += 1;
        }
      }
      stack.push({ quantified: false, alternative: false });
    } else if (char === ')') {
      const group = stack.length > 1 ? stack.pop()! : { quantified: false, alternative: false };
      index = afterAtom(index + 1, group);
    } else if (char === '|') {
      stack[stack.length - 1]!.alternative = true;
      index += 1;
    } else {
      index = afterAtom(index + 1, null);
    }
    if (index < 0) return 'a quantified group holds a quantifier or an alternative, such as (a+)+ or (.*a){12}';
    if (unbounded > MAX_UNBOUNDED_QUANTIFIERS) return `it has more than ${MAX_UNBOUNDED_QUANTIFIERS} unbounded quantifiers (*, +, {n,})`;
  }
  return null;
}

function checkRegexes(tokens: Token[], parameters: Record<string, unknown>): void {
  tokens.forEach((token, index) => {
    if (!punctuation(token, '=~')) return;
    const operand = tokens[index + 1];
    const after = tokens[index + 2];
    let pattern: string | null = null;
    if (operand?.kind === 'string') pattern = operand.text;
    else if (operand?.kind === 'parameter') {
      const value = parameters[operand.text];
      pattern = typeof value === 'string' ? value : null;
      if (value !== undefined && typeof value !== 'string') return; // Neo4j refuses a pattern that is not a string.
    }
    const concatenated = after?.kind === 'punctuation' && ['+', '[', '.'].includes(after.text);
    if (pattern === null || concatenated) {
      throw new RefusedQueryError('The pattern after =~ must be a string literal or a parameter, so that it can be checked before it runs (some patterns backtrack for hours). Write it as n.name =~ \'Ten.*\' or n.name =~ $pattern.');
    }
    const hazard = regexHazard(pattern);
    if (hazard) {
      throw new RefusedQueryError(`The regular expression after =~ could backtrack for hours: ${hazard}. Rewrite it without nested repetition (such as .*a.*b instead of (.*a){2}b), or use CONTAINS, STARTS WITH or ENDS WITH.`);
    }
  });
}

/** Refuses what the text and the parameters show to be unbounded in cost (see the rules above). */
export function checkBounds(tokens: Token[], parameters: Record<string, unknown>): void {
  checkNesting(tokens, parameters);
  checkRanges(tokens, parameters);
  checkReduces(tokens);
  checkRegexes(tokens, parameters);
}
