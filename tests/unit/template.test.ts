/**
 * What may fill a query's {{placeholders}} (server/neo4j/template.ts), and that query parameters and
 * records are typed by the query's name (server/neo4j/query-types.ts). The `@ts-expect-error` lines
 * are part of the test: `npm run check` (tsc over the tests, which CI runs before them) fails if a
 * line they mark ever compiles (user text accepted as a name, a query run without its parameters).
 */
import type { Database } from '../../server/neo4j';
import { allowedIdentifier, cypher, joinFragments, renderTemplate, TemplateError } from '../../server/neo4j';

const LABELS = new Set(['Company', 'Bank', 'odd`name']);

test('a name fills a template only from the allow-list, backtick-quoted with backticks doubled', () => {
  expect(renderTemplate('MATCH (n:{{label}}) RETURN n', { label: allowedIdentifier('Company', LABELS) })).toBe('MATCH (n:`Company`) RETURN n');
  expect(renderTemplate('MATCH (n:{{label}}) RETURN n', { label: allowedIdentifier('odd`name', LABELS) })).toBe('MATCH (n:`odd``name`) RETURN n');
  expect(() => allowedIdentifier('Company`) DETACH DELETE n //', LABELS)).toThrow(TemplateError);
});

test('fragments are the code\'s own text with identifiers in their gaps', () => {
  const types = joinFragments([allowedIdentifier('Company', LABELS), allowedIdentifier('Bank', LABELS)], '|');
  expect(renderTemplate('MATCH p = (a)-[{{types}}*1..{{hops}}]-(b)', { types: cypher`:${types}`, hops: { kind: 'integer', value: 3, min: 1, max: 10 } })).toBe('MATCH p = (a)-[:`Company`|`Bank`*1..3]-(b)');
  expect(() => renderTemplate('LIMIT {{n}}', { n: { kind: 'integer', value: 11, min: 1, max: 10 } })).toThrow(TemplateError);
  expect(() => renderTemplate('RETURN 1', { extra: cypher`x` })).toThrow(TemplateError);
});

test('user text cannot fill a template, and queries take their own parameters (checked by the compiler)', () => {
  const userText: string = 'Company`) DETACH DELETE n //';
  // @ts-expect-error: a plain string is neither an Identifier nor a CypherFragment.
  expect(() => renderTemplate('MATCH (n:{{label}})', { label: userText })).not.toThrow();
  // @ts-expect-error: a template literal with user text in it is a string, not a fragment.
  renderTemplate('MATCH (n:{{label}})', { label: `${userText}` });
  // @ts-expect-error: the cypher tag takes identifiers and fragments in its gaps, not strings.
  void cypher`:${userText}`;
  const typedOnly = (database: Database): void => {
    // @ts-expect-error: nodes/node needs its id.
    void database.readTemplate('nodes/node', { degrees: cypher`[]` });
    // @ts-expect-error: paths/shortest's cap is an integer (integer()), not a JavaScript number.
    void database.read('paths/shortest', { from: 'a', to: 'b', cap: 25 });
    void database.read('nodes/exists', { id: 'x' }).then((result) => {
      const found: boolean | undefined = result.records[0]?.get('found');
      // @ts-expect-error: nodes/exists returns `found`, nothing else.
      result.records[0]?.get('name');
      return found;
    });
  };
  expect(typeof typedOnly).toBe('function');
});
