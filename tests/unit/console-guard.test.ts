/** The console's text and plan checks (pure). */
import { blankLiterals, checkPlan, checkText, RefusedQueryError } from '../../server/services/console-guard';

test('literals and comments cannot hide or fake a statement separator', () => {
  expect(checkText("MATCH (n {name: 'a;b'}) RETURN n // ; DROP\n")).toContain("'a;b'");
  expect(checkText('MATCH (n) RETURN n;')).toBe('MATCH (n) RETURN n');
  expect(() => checkText('MATCH (n) RETURN n; MATCH (m) RETURN m')).toThrow(/one statement/);
  expect(() => checkText('RETURN 1 /* ; */; RETURN 2')).toThrow(/one statement/);
  expect(blankLiterals("RETURN 'x' + `y;z` AS `w`")).toBe("RETURN ' ' + `   ` AS ` `");
  expect(blankLiterals("RETURN 'it\\'s'")).toHaveLength("RETURN 'it\\'s'".length);
});

test('administration commands, USE, EXPLAIN and PROFILE are refused by their words', () => {
  for (const query of ['SHOW USERS', 'show databases', 'TERMINATE TRANSACTIONS "x"', 'CREATE USER x SET PASSWORD "y"', 'CREATE INDEX i FOR (n:A) ON (n.b)', 'DROP CONSTRAINT c', 'GRANT ROLE admin TO x', 'USE system MATCH (n) RETURN n', 'MATCH (n) CALL { USE other MATCH (m) RETURN m } RETURN n', 'PROFILE MATCH (n) RETURN n', '   ']) {
    expect(() => checkText(query)).toThrow(RefusedQueryError);
  }
  // Words inside literals or names are not commands.
  expect(checkText("MATCH (n) WHERE n.name = 'USE system' RETURN n AS `SHOW`")).toBeTruthy();
  expect(checkText('CREATE (n:Company)')).toBe('CREATE (n:Company)');
});

test('plans: read-only only, no LOAD CSV, procedures from the allow-list', () => {
  const leaf = (operatorType: string, Details = ''): { operatorType: string; arguments: Record<string, unknown>; children: never[] } => ({ operatorType, arguments: { Details }, children: [] });
  const tree = (...children: ReturnType<typeof leaf>[]) => ({ operatorType: 'ProduceResults@neo4j', arguments: {}, children });
  expect(() => checkPlan('r', tree(leaf('AllNodesScan@neo4j')))).not.toThrow();
  expect(() => checkPlan('rw', tree(leaf('Create@neo4j')))).toThrow(/writes/);
  expect(() => checkPlan('s', tree())).toThrow(/schema/);
  expect(() => checkPlan('r', tree(leaf('LoadCSV@neo4j')))).toThrow(/LOAD CSV/);
  expect(() => checkPlan('r', tree(leaf('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')))).not.toThrow();
  expect(() => checkPlan('r', tree(leaf('ProcedureCall@neo4j', 'dbms.components() :: (name :: STRING)')))).toThrow(/dbms.components is not allowed/);
  expect(() => checkPlan('r', tree(leaf('ProcedureCall@neo4j', '')))).toThrow(/\(unknown\) is not allowed/);
});
