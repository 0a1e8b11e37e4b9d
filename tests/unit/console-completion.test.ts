/**
 * The console editor's completion (client/src/console/completion.ts): what is offered where, and
 * which part of the text a suggestion replaces. Regression: accepting `Company` at `MATCH (c:Com`
 * gave `MATCH (cCompany)` (the package's completion replaced the colon with the label).
 */
import { complete, escapeName, type CompletionSchema } from '../../client/src/console/completion';

const schema: CompletionSchema = {
  labels: ['Bank', 'Company', 'My Label'],
  relationshipTypes: ['PARTNERS_WITH', 'OWNS'],
  propertyKeys: ['name', 'aliases'],
  functions: [
    { name: 'toUpper', signature: 'toUpper(input :: STRING) :: STRING' },
    { name: 'date.truncate', signature: 'date.truncate(unit :: STRING, input :: ANY) :: DATE' },
  ],
  procedures: [{ name: 'db.labels', signature: 'db.labels() :: (label :: STRING)' }],
  parameters: ['from', 'to'],
};

/** The text after accepting the first suggestion whose label is `label`. */
function accept(text: string, label: string, pos = text.length): string {
  const found = complete(text, pos, schema);
  if (!found) throw new Error(`nothing offered at ${JSON.stringify(text)}`);
  const option = found.options.find((candidate) => candidate.label === label);
  if (!option) throw new Error(`${label} not offered at ${JSON.stringify(text)}: ${found.options.map((o) => o.label).join(', ')}`);
  return text.slice(0, found.from) + option.apply + text.slice(pos);
}

function kinds(text: string, pos = text.length): string[] {
  return [...new Set(complete(text, pos, schema)?.options.map((option) => option.kind) ?? [])];
}

test('a label after a variable and a colon replaces only the typed part of the label', () => {
  expect(accept('MATCH (c:Com', 'Company')).toBe('MATCH (c:Company');
  expect(accept('MATCH (:Ba', 'Bank')).toBe('MATCH (:Bank');
  expect(kinds('MATCH (c:Com')).toEqual(['label']);
});

test('a relationship type inside brackets, after a colon or a bar', () => {
  expect(accept('MATCH ()-[:PART', 'PARTNERS_WITH')).toBe('MATCH ()-[:PARTNERS_WITH');
  expect(accept('MATCH ()-[r:PARTNERS_WITH|OW', 'OWNS')).toBe('MATCH ()-[r:PARTNERS_WITH|OWNS');
  expect(kinds('MATCH ()-[r:')).toEqual(['type']);
});

test('labels in a WHERE label test, and names that need backticks get them', () => {
  expect(accept('MATCH (n) WHERE n:Co', 'Company')).toBe('MATCH (n) WHERE n:Company');
  expect(accept('MATCH (n:', '`My Label`')).toBe('MATCH (n:`My Label`');
  expect(escapeName('a`b c')).toBe('`a``b c`');
});

test('property keys after variable dot, and namespaced functions by their namespace', () => {
  expect(accept('MATCH (n) RETURN n.na', 'name')).toBe('MATCH (n) RETURN n.name');
  expect(kinds('MATCH (n) RETURN n.')).toEqual(['property']);
  expect(accept('RETURN date.tr', 'date.truncate')).toBe('RETURN date.truncate');
});

test('functions, keywords and the query variables for a plain word', () => {
  expect(accept('RETURN toUp', 'toUpper')).toBe('RETURN toUpper');
  expect(accept('MATCH (company) RETURN comp', 'company')).toBe('MATCH (company) RETURN company');
  expect(accept('MATCH (n) RET', 'RETURN')).toBe('MATCH (n) RETURN');
});

test('parameters after a dollar sign keep the dollar sign', () => {
  expect(accept('MATCH (a {id: $fr', 'from')).toBe('MATCH (a {id: $from');
  expect(kinds('RETURN $')).toEqual(['parameter']);
});

test('procedures after CALL, dotted names whole', () => {
  expect(accept('CALL db.la', 'db.labels')).toBe('CALL db.labels');
});

test('nothing inside strings and comments, after a map key colon, or for a number', () => {
  expect(complete("RETURN 'MATCH (c:Com", 'RETURN \'MATCH (c:Com'.length, schema)).toBeNull();
  expect(complete('// (c:Com', 9, schema)).toBeNull();
  expect(complete('MATCH (n {name: Te', 18, schema)?.options.some((option) => option.kind === 'label') ?? false).toBe(false);
  expect(complete('MATCH (n) RETURN n LIMIT 2', 26, schema)).toBeNull();
  expect(complete('RETURN ', 7, schema)).toBeNull();
  expect(complete('RETURN ', 7, schema, true)?.options.length).toBeGreaterThan(0);
});

test('a completion in the middle of the text replaces the word up to the cursor only', () => {
  const text = 'MATCH (c:Com) RETURN c';
  expect(accept(text, 'Company', 'MATCH (c:Com'.length)).toBe('MATCH (c:Company) RETURN c');
});
