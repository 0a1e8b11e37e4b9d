/**
 * The console's first line of defence, before Neo4j sees anything: one statement only, no `USE`, no
 * administration command, and what Neo4j's own EXPLAIN says about the rest (read-only query type,
 * no LOAD CSV, procedures from a short allow-list). Pure functions over the text and the plan.
 */

export class RefusedQueryError extends Error {}

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

const ADMIN_FIRST_WORDS = new Set(['SHOW', 'TERMINATE', 'GRANT', 'DENY', 'REVOKE', 'ALTER', 'DROP', 'START', 'STOP', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'RENAME', 'DRYRUN']);
const ADMIN_AFTER_CREATE = new Set(['USER', 'ROLE', 'DATABASE', 'COMPOSITE', 'ALIAS', 'INDEX', 'CONSTRAINT', 'OR', 'RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'SERVER']);

/**
 * The query with string literals, backquoted names and comments blanked out (same length, so
 * positions still match), for looking at its structure without being fooled by their contents.
 */
export function blankLiterals(query: string): string {
  let out = '';
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    const next = query[index + 1];
    if (char === '/' && next === '/') {
      const end = query.indexOf('\n', index);
      const stop = end === -1 ? query.length : end;
      out += ' '.repeat(stop - index);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', index + 2);
      const stop = end === -1 ? query.length : end + 2;
      out += query.slice(index, stop).replace(/[^\n]/g, ' ');
      index = stop;
    } else if (char === "'" || char === '"' || char === '`') {
      let stop = index + 1;
      while (stop < query.length && query[stop] !== char) stop += char !== '`' && query[stop] === '\\' ? 2 : 1;
      stop = Math.min(stop + 1, query.length);
      out += char + ' '.repeat(Math.max(0, stop - index - 2)) + (stop - index >= 2 ? char : '');
      index = stop;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** Refuses what the text alone shows to be out of bounds; returns the query without a trailing `;`. */
export function checkText(query: string): string {
  const blanked = blankLiterals(query);
  const trimmed = blanked.trimEnd();
  const body = trimmed.endsWith(';') ? trimmed.slice(0, -1) : trimmed;
  if (body.trim() === '') throw new RefusedQueryError('The query is empty. Write a Cypher query, such as MATCH (n) RETURN n LIMIT 25.');
  if (body.includes(';')) throw new RefusedQueryError('The console runs one statement at a time; remove the `;` between statements and run them one by one.');
  const words = body.toUpperCase().match(/[A-Z_][A-Z0-9_]*/g) ?? [];
  let first = words[0] ?? '';
  if (first === 'CYPHER') first = words.find((word, index) => index > 0 && /^(MATCH|OPTIONAL|RETURN|WITH|UNWIND|CALL|CREATE|MERGE|SHOW|USE|LOAD|FOREACH|EXPLAIN|PROFILE)$/.test(word)) ?? first;
  if (first === 'EXPLAIN' || first === 'PROFILE') throw new RefusedQueryError(`Leave out ${first}: the console runs the query itself and shows its results.`);
  if (ADMIN_FIRST_WORDS.has(first) || (first === 'CREATE' && ADMIN_AFTER_CREATE.has(words[1] ?? ''))) {
    throw new RefusedQueryError(`${first}${first === 'CREATE' ? ` ${words[1]}` : ''} is an administration command; the console runs read-only queries on the data.`);
  }
  if (/(^|[\s})])USE\s+[A-Za-z`]/i.test(body)) throw new RefusedQueryError('USE is not allowed: the console reads the database Fingraph is connected to.');
  return query.slice(0, body.length);
}

/** One operator of an EXPLAIN plan, as the driver gives it. */
export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/** Refuses a plan that is not read-only, loads CSV, or calls a procedure outside the allow-list. */
export function checkPlan(queryType: string | undefined, plan: PlanOperator | false | undefined): void {
  // What the plan does first (the more specific answer), then what Neo4j says the query is.
  const visit = (operator: PlanOperator): void => {
    const name = operator.operatorType.split('@')[0]!;
    if (name === 'LoadCSV') throw new RefusedQueryError('LOAD CSV is not allowed in the console: it reads files and the network.');
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
