/** The console's text and plan checks (pure): an allow-list of read statements, and constructs no time limit stops. */
import { checkPlan, checkText, RefusedQueryError } from '../../server/services/console/guard';
import { MAX_NESTING, RANGE_BUDGET, regexHazard } from '../../server/services/console/bounds';
import { tokenize } from '../../server/services/console/lexer';

test('literals and comments cannot hide or fake a statement separator', () => {
  expect(checkText("MATCH (n {name: 'a;b'}) RETURN n // ; DROP\n")).toContain("'a;b'");
  expect(checkText('MATCH (n) RETURN n;')).toBe('MATCH (n) RETURN n');
  expect(checkText('MATCH (n) RETURN n ; // done')).toBe('MATCH (n) RETURN n');
  expect(() => checkText('MATCH (n) RETURN n; MATCH (m) RETURN m')).toThrow(/one statement/);
  expect(() => checkText('RETURN 1 /* ; */; RETURN 2')).toThrow(/one statement/);
  // A line comment ends at any line terminator, not only \n: what follows a \r is read.
  for (const end of ['\r', '\u2028', '\u2029', '\u0085']) expect(() => checkText(`MATCH (n) RETURN n // x${end}UNION SHOW USERS`)).toThrow(/UNION branch starts with SHOW/);
  expect(tokenize("RETURN 'it\\'s' + `a``b` AS `w`").map((token) => [token.kind, token.text])).toEqual([
    ['word', 'RETURN'],
    ['string', "it's"],
    ['punctuation', '+'],
    ['name', 'a`b'],
    ['word', 'AS'],
    ['name', 'w'],
  ]);
});

test('read statements pass: MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL subqueries and allowed procedures, after CYPHER options and comments', () => {
  for (const query of [
    'MATCH (n) RETURN n LIMIT 25',
    'optional match (n) return n',
    'WITH 1 AS x RETURN x',
    'UNWIND [1, 2] AS x RETURN x',
    'RETURN 1',
    'CALL db.labels() YIELD label RETURN label',
    'CALL { MATCH (n) RETURN n } RETURN n',
    'MATCH (c) CALL (c) { MATCH (c)--(m) RETURN m } RETURN m',
    'MATCH (c) OPTIONAL CALL (c) { MATCH (c)--(m) RETURN m } RETURN m',
    'CYPHER runtime=slotted MATCH (n) RETURN n',
    'CYPHER 5 CYPHER planner = cost runtime=pipelined RETURN 1',
    '/* a comment */ // another\n  CYPHER 5 /* x */ MATCH (n) RETURN n',
    'MATCH (n) RETURN n.name AS name UNION ALL MATCH (m) RETURN m.name AS name',
    "MATCH (n) WHERE n.name = 'USE system' RETURN n AS `SHOW`",
    'MATCH (n:SHOW) RETURN n.union AS union, {call: 1} AS use',
  ]) {
    expect(checkText(query)).toBe(query);
  }
});

test('regression (issue 14): commands are refused however they are prefixed, cased, commented or spaced, CYPHER TERMINATE TRANSACTIONS included', () => {
  const commands = ['SHOW TRANSACTIONS YIELD currentQuery, parameters', 'TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'CREATE USER x SET PASSWORD "y"', 'CREATE INDEX i FOR (n:A) ON (n.b)', 'DROP CONSTRAINT c', 'ALTER USER neo4j SET PASSWORD "x"', 'GRANT ROLE admin TO x', 'DENY READ ON GRAPH * TO x', 'REVOKE ROLE admin FROM x', 'START DATABASE neo4j', 'STOP DATABASE neo4j', 'ENABLE SERVER "x"', 'DEALLOCATE DATABASES FROM SERVER "x"', 'RENAME USER a TO b', 'DRYRUN REALLOCATE DATABASES'];
  const disguises = [(q: string) => q, (q: string) => `CYPHER ${q}`, (q: string) => `CYPHER runtime=slotted ${q}`, (q: string) => `CYPHER 5 planner=cost ${q}`, (q: string) => q.toLowerCase(), (q: string) => `/* x */ ${q.replace(/ /g, '\n\t ')} // y`, (q: string) => `// comment\nCYPHER /* c */ ${q}`, (q: string) => `MATCH (n) RETURN n UNION ${q}`, (q: string) => `CALL { ${q} } RETURN 1`, (q: string) => `MATCH (c) CALL (c) { ${q} } RETURN 1`];
  for (const command of commands) {
    for (const disguise of disguises) {
      const query = disguise(command);
      expect({ query, refused: (() => { try { checkText(query); return false; } catch (error) { return error instanceof RefusedQueryError; } })() }).toEqual({ query, refused: true });
    }
  }
  expect(() => checkText('CYPHER TERMINATE TRANSACTIONS "neo4j-transaction-1"')).toThrow(/starts with TERMINATE, which is not allowed.*MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL/);
});

test('writes, USE, EXPLAIN, PROFILE, LOAD CSV and procedures outside the allow-list are refused with what to do instead', () => {
  expect(() => checkText('CREATE (n:Company)')).toThrow(/CREATE writes to the database/);
  expect(() => checkText('CYPHER MERGE (n:A)')).toThrow(/MERGE writes/);
  expect(() => checkText('USE system MATCH (n) RETURN n')).toThrow(/USE is not allowed/);
  expect(() => checkText('MATCH (n) CALL { USE other MATCH (m) RETURN m } RETURN n')).toThrow(/USE is not allowed/);
  expect(() => checkText('PROFILE MATCH (n) RETURN n')).toThrow(/Leave out PROFILE/);
  expect(() => checkText('CYPHER EXPLAIN MATCH (n) RETURN n')).toThrow(/Leave out EXPLAIN/);
  expect(() => checkText("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")).toThrow(/LOAD CSV is not allowed/);
  expect(() => checkText('CALL dbms.components()')).toThrow(/procedure dbms.components is not allowed/);
  expect(() => checkText('MATCH (n) CALL `dbms`.`killQueries`(["x"]) RETURN n')).toThrow(/procedure dbms.killQueries is not allowed/);
  expect(() => checkText('CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN name')).toThrow(/dbms.listConfig is not allowed/);
  expect(() => checkText('(MATCH (n) RETURN n)')).toThrow(/starts with '\('/);
  expect(() => checkText('   ')).toThrow(/empty/);
});

test('regression (issue 14): runaway expressions are refused before they run: big ranges (literal or parameter), reduce over them, catastrophic regexes', () => {
  expect(() => checkText("RETURN reduce(s = '', i IN range(1, 3000000) | s + 'xxxxxxxxxx')")).toThrow(/ranges of this query make 3,000,000 elements/);
  expect(() => checkText('UNWIND range(1, $n) AS i RETURN i', { n: 100_000_000 })).toThrow(/100,000,000 elements/);
  expect(() => checkText('UNWIND range(1, toInteger($n)) AS i RETURN i', { n: 5 })).toThrow(/integer literals or parameters/);
  expect(() => checkText('UNWIND range(1, 200) AS i UNWIND range(1, 200) AS j RETURN i, j')).toThrow(/40,000 elements/);
  expect(checkText('UNWIND range(1, 100) AS i UNWIND range(-10, 89) AS j RETURN i, j')).toBeTruthy();
  expect(checkText(`UNWIND range(0, $n, 2) AS i RETURN i`, { n: RANGE_BUDGET * 2 - 2 })).toBeTruthy();
  expect(() => checkText(`RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(.*a){12}b'`)).toThrow(/backtrack.*quantified group/);
  expect(() => checkText('MATCH (n) WHERE n.name =~ $p RETURN n', { p: '(a+)+$' })).toThrow(/backtrack/);
  expect(() => checkText('MATCH (n) WHERE n.name =~ n.pattern RETURN n')).toThrow(/string literal or a parameter/);
  expect(() => checkText("MATCH (n) WHERE n.name =~ '(a' + $x RETURN n", { x: '+)+' })).toThrow(/string literal or a parameter/);
  expect(checkText("MATCH (n) WHERE n.name =~ '(?i)ten.*' AND n.id =~ $p RETURN n", { p: '[a-z]+-\\d{2,4}' })).toBeTruthy();
  expect(regexHazard('(a|aa)*')).toMatch(/quantified group/);
  expect(regexHazard('((a+)b)*')).toMatch(/quantified group/);
  expect(regexHazard('(\\w+\\s?)*$')).toMatch(/quantified group/);
  expect(regexHazard('.*.*.*.*x')).toMatch(/unbounded quantifiers/);
  expect(regexHazard('(a)\\1')).toMatch(/backreference/);
  expect(regexHazard('(ab)+c[(*]+\\(x\\)*')).toBeNull();
});

test('regression (issue 14): values nested deep are refused: reduce wrapping its accumulator, deep brackets and parameters', () => {
  expect(() => checkText('RETURN reduce(acc = [], i IN range(1, 5000) | [acc]) AS deep')).toThrow(/accumulator 'acc' inside a list/);
  expect(() => checkText('RETURN reduce(m = {}, i IN [1, 2, 3] | {x: m}) AS deep')).toThrow(/inside a map/);
  expect(() => checkText("RETURN reduce(s = 'x', i IN range(1, 64) | s + s) AS big")).toThrow(/to itself/);
  expect(checkText('RETURN reduce(acc = {sum: 0, n: 0}, x IN [1, 2] | {sum: acc.sum + x, n: acc.n + 1}) AS stats, reduce(t = [], x IN [1, 2] | t + [x]) AS flat')).toBeTruthy();
  expect(() => checkText(`RETURN ${'['.repeat(MAX_NESTING + 1)}1${']'.repeat(MAX_NESTING + 1)}`)).toThrow(/nests brackets/);
  let deep: unknown = 1;
  for (let i = 0; i < 100; i += 1) deep = [deep];
  expect(() => checkText('RETURN $x', { x: deep })).toThrow(/parameter's value is nested/);
});

test('plans: read-only only, no LOAD CSV, no commands, procedures from the allow-list', () => {
  const leaf = (operatorType: string, Details = ''): { operatorType: string; arguments: Record<string, unknown>; children: never[] } => ({ operatorType, arguments: { Details }, children: [] });
  const tree = (...children: ReturnType<typeof leaf>[]) => ({ operatorType: 'ProduceResults@neo4j', arguments: {}, children });
  expect(() => checkPlan('r', tree(leaf('AllNodesScan@neo4j')))).not.toThrow();
  expect(() => checkPlan('rw', tree(leaf('Create@neo4j')))).toThrow(/writes/);
  expect(() => checkPlan('s', tree())).toThrow(/schema/);
  expect(() => checkPlan('r', tree(leaf('LoadCSV@neo4j')))).toThrow(/LOAD CSV/);
  expect(() => checkPlan('r', tree(leaf('TerminateTransactions@neo4j')))).toThrow(/runs a command \(TerminateTransactions\)/);
  expect(() => checkPlan('r', tree(leaf('ShowTransactions@neo4j')))).toThrow(/command/);
  expect(() => checkPlan('r', tree(leaf('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')))).not.toThrow();
  expect(() => checkPlan('r', tree(leaf('ProcedureCall@neo4j', 'dbms.components() :: (name :: STRING)')))).toThrow(/dbms.components is not allowed/);
  expect(() => checkPlan('r', tree(leaf('ProcedureCall@neo4j', '')))).toThrow(/\(unknown\) is not allowed/);
});
