/**
 * The console's first line of defence, before Neo4j sees anything. An allow-list of what a read
 * statement may be, over the query's tokens (lexer.ts: literals, comments and quoted names can
 * never pass for keywords):
 *
 * - one statement (a `;` only at the end);
 * - after any number of `CYPHER` options (`CYPHER 5`, `CYPHER runtime=slotted planner=cost`), it
 *   starts with MATCH, OPTIONAL MATCH, OPTIONAL CALL, WITH, UNWIND, RETURN or CALL; so does every
 *   UNION branch and every `CALL { … }` / `CALL (x) { … }` subquery body;
 * - every `CALL name` is a procedure from ALLOWED_PROCEDURES; no `USE`.
 *
 * Everything else (SHOW, TERMINATE, CREATE, DROP, ALTER, GRANT, START, STOP, EXPLAIN, LOAD CSV, …)
 * is refused by not being on the list, however it is prefixed, cased, commented or spaced. Then
 * bounds.ts refuses constructs whose cost no time limit can stop, and, once Neo4j has seen the
 * query, checkPlan() refuses what its EXPLAIN shows (query type, LOAD CSV, procedures, commands).
 * Pure functions over the text, the parameters and the plan.
 */
import { checkBounds } from './bounds';
import { closing, isKeyword, tokenize, type Token } from './lexer';
import { RefusedQueryError } from './refused';

export { RefusedQueryError } from './refused';

/** Procedures the console may call: schema introspection and full-text search, nothing else. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/** What a read statement, a UNION branch or a CALL subquery body may start with (and OPTIONAL MATCH, OPTIONAL CALL). */
const STARTS = new Set(['MATCH', 'WITH', 'UNWIND', 'RETURN', 'CALL']);
const ALLOWED_TEXT = 'MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL (a subquery, or one of the allowed procedures)';
const WRITES = new Set(['CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'FOREACH', 'INSERT']);
const SCHEMA_AFTER_CREATE = new Set(['USER', 'ROLE', 'DATABASE', 'COMPOSITE', 'ALIAS', 'INDEX', 'CONSTRAINT', 'OR', 'RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'SERVER', 'BTREE']);

function isPunctuation(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punctuation' && token.text === text;
}

/** Why the clause at `index` may not start a statement, said so that the user knows what to write instead. */
function refusal(tokens: Token[], index: number, where: string): RefusedQueryError {
  const token = tokens[index];
  if (!token) return new RefusedQueryError(`${where} is empty: write a query that starts with ${ALLOWED_TEXT}.`);
  const word = token.kind === 'word' ? token.upper : null;
  const next = tokens[index + 1]?.kind === 'word' ? tokens[index + 1]!.upper : '';
  if (word === 'EXPLAIN' || word === 'PROFILE') return new RefusedQueryError(`Leave out ${word}: the console runs the query itself and shows its results.`);
  if (word === 'USE') return new RefusedQueryError('USE is not allowed: the console reads the database Fingraph is connected to.');
  if (word === 'LOAD') return new RefusedQueryError('LOAD CSV is not allowed in the console: it reads files and the network.');
  if (word === 'CREATE' && SCHEMA_AFTER_CREATE.has(next)) {
    return new RefusedQueryError(`CREATE ${next} is an administration command; the console runs read-only queries on the data, which start with ${ALLOWED_TEXT}.`);
  }
  if (word && WRITES.has(word)) {
    return new RefusedQueryError(`The console runs read-only queries, and ${word} writes to the database. ${where} must start with ${ALLOWED_TEXT}.`);
  }
  const shown = token.kind === 'word' ? word : token.kind === 'punctuation' ? `'${token.text}'` : `a ${token.kind}`;
  return new RefusedQueryError(
    `${where} starts with ${shown}, which is not allowed: the console runs read-only queries, and commands (SHOW, TERMINATE, CREATE, DROP, ALTER, GRANT, START, STOP, …) are refused. It must start with ${ALLOWED_TEXT}, after any CYPHER options.`,
  );
}

/** Refuses unless the clause at `index` is one a read statement may start with. */
function checkStart(tokens: Token[], index: number, where: string): void {
  const first = tokens[index];
  const second = tokens[index + 1];
  if (first?.kind === 'word') {
    if (first.upper === 'OPTIONAL' ? second?.kind === 'word' && (second.upper === 'MATCH' || second.upper === 'CALL') : STARTS.has(first.upper)) return;
  }
  throw refusal(tokens, index, where);
}

/** The index after any `CYPHER` prefixes (`CYPHER 5`, `CYPHER runtime=slotted`, several of them). */
function skipOptions(tokens: Token[], index: number): number {
  let at = index;
  while (tokens[at]?.kind === 'word' && tokens[at]!.upper === 'CYPHER') {
    at += 1;
    for (;;) {
      if (tokens[at]?.kind === 'number') at += 1;
      else if (tokens[at]?.kind === 'word' && isPunctuation(tokens[at + 1], '=') && (tokens[at + 2]?.kind === 'word' || tokens[at + 2]?.kind === 'number')) at += 3;
      else break;
    }
  }
  return at;
}

/** A procedure's name as written from `index` (`db.labels`, `` `db`.`labels` ``), and the index after it. */
function procedureName(tokens: Token[], index: number): { name: string; end: number } {
  const parts: string[] = [];
  let at = index;
  while (tokens[at]?.kind === 'word' || tokens[at]?.kind === 'name') {
    parts.push(tokens[at]!.text);
    at += 1;
    if (!isPunctuation(tokens[at], '.')) break;
    at += 1;
  }
  return { name: parts.join('.'), end: at };
}

/** Every CALL: a subquery's body starts as a statement does, a procedure is on the allow-list. */
function checkCalls(tokens: Token[]): void {
  tokens.forEach((_token, index) => {
    if (!isKeyword(tokens, index, 'CALL')) return;
    let at = index + 1;
    // CALL (x, y) { … }: the scope clause, then the body.
    if (isPunctuation(tokens[at], '(')) at = closing(tokens, at) + 1;
    if (isPunctuation(tokens[at], '{')) {
      checkStart(tokens, at + 1, 'A CALL subquery');
      return;
    }
    if (at !== index + 1) throw new RefusedQueryError('CALL (…) must be followed by a subquery in braces: CALL (x) { MATCH … RETURN … }.');
    const { name } = procedureName(tokens, at);
    if (!ALLOWED_PROCEDURES.has(name)) {
      throw new RefusedQueryError(`The procedure ${name || '(unnamed)'} is not allowed in the console. Allowed: ${[...ALLOWED_PROCEDURES].join(', ')}.`);
    }
  });
}

/**
 * Refuses what the text (and the parameters, where they feed a bound) shows to be out of bounds;
 * returns the query without a trailing `;`.
 */
export function checkText(query: string, parameters: Record<string, unknown> = {}): string {
  const all = tokenize(query);
  const last = all[all.length - 1];
  const tokens = isPunctuation(last, ';') ? all.slice(0, -1) : all;
  if (tokens.length === 0) throw new RefusedQueryError('The query is empty. Write a Cypher query, such as MATCH (n) RETURN n LIMIT 25.');
  if (tokens.some((token) => isPunctuation(token, ';'))) {
    throw new RefusedQueryError('The console runs one statement at a time; remove the `;` between statements and run them one by one.');
  }
  checkStart(tokens, skipOptions(tokens, 0), 'The query');
  tokens.forEach((_token, index) => {
    if (isKeyword(tokens, index, 'UNION')) {
      const branch = tokens[index + 1]?.kind === 'word' && ['ALL', 'DISTINCT'].includes(tokens[index + 1]!.upper) ? index + 2 : index + 1;
      checkStart(tokens, branch, 'Each UNION branch');
    }
    // USE as a clause (USE db, USE graph.byName(…)); `AS use` names a variable.
    if (isKeyword(tokens, index, 'USE') && ['word', 'name'].includes(tokens[index + 1]?.kind ?? '')) {
      throw new RefusedQueryError('USE is not allowed: the console reads the database Fingraph is connected to.');
    }
  });
  checkCalls(tokens);
  checkBounds(tokens, parameters);
  return isPunctuation(last, ';') ? query.slice(0, last!.start).trimEnd() : query;
}

/** One operator of an EXPLAIN plan, as the driver gives it. */
export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/**
 * Refuses a plan that is not read-only, loads CSV, calls a procedure outside the allow-list, or is
 * a command (Neo4j plans SHOW … and TERMINATE … as operators of those names, and reports some of
 * them as read queries).
 */
export function checkPlan(queryType: string | undefined, plan: PlanOperator | false | undefined): void {
  // What the plan does first (the more specific answer), then what Neo4j says the query is.
  const visit = (operator: PlanOperator): void => {
    const name = operator.operatorType.split('@')[0]!;
    if (name === 'LoadCSV') throw new RefusedQueryError('LOAD CSV is not allowed in the console: it reads files and the network.');
    if (/^(Show|Terminate)/.test(name)) throw new RefusedQueryError(`The plan runs a command (${name}); the console runs read-only queries on the data.`);
    if (name === 'ProcedureCall') {
      const details = String(operator.arguments.Details ?? operator.arguments.Signature ?? '');
      const procedure = /([A-Za-z_][\w.]*)\s*\(/.exec(details)?.[1];
      if (!procedure || !ALLOWED_PROCEDURES.has(procedure)) {
        throw new RefusedQueryError(`The procedure ${procedure ?? '(unknown)'} is not allowed in the console. Allowed: ${[...ALLOWED_PROCEDURES].join(', ')}.`);
      }
    }
    for (const child of operator.children ?? []) visit(child);
  };
  if (plan) visit(plan);
  if (queryType !== 'r') {
    const what = queryType === 's' ? 'changes the schema or the system' : queryType === 'w' || queryType === 'rw' ? 'writes to the database' : 'is not a read-only query';
    throw new RefusedQueryError(`The console runs read-only queries, and this one ${what} (query type '${queryType ?? 'unknown'}'). Use MATCH … RETURN to read.`);
  }
}
