/** The search ranking and plan (issue 14, part 2): pure, the same for index and scan hits. */
import type { GraphNode } from '../../server/contract';
import { chooseNameProperty, displayName, searchProperties } from '../../server/contract/display-name';
import { luceneQuery, planSearch, SCAN_BUDGET, scanGroups, type PlanLabel } from '../../server/services/search-plan';
import { proposeSearchIndex } from '../../server/services/search-index';
import { compareRanked, matchTier, rankNode, TIER, withinOneEdit } from '../../server/services/search-rank';

const node = (properties: GraphNode['properties'], labels = ['Thing'], id = `4:x:${JSON.stringify(properties)}`): GraphNode => ({ id, labels, properties });

test.each([
  ['matrix', 'matrix', true],
  ['matrix', 'matric', true],
  ['matrix', 'matrx', true],
  ['matrix', 'matrixx', true],
  ['matrix', 'mtarix', true],
  ['matrix', 'mtraix', false],
  ['matrix', 'xirtam', false],
  ['ab', 'ba', true],
  ['abc', 'acbd', false],
  ['', 'a', true],
])('%p and %p are within one edit: %p', (a, b, expected) => {
  expect(withinOneEdit(a, b)).toBe(expected);
  expect(withinOneEdit(b, a)).toBe(expected);
});

test('tiers: exact > prefix > one edit (whole value or a word) > every word > contains; short typos are not fuzzy', () => {
  expect(matchTier('Matrix', 'matrix')).toBe(TIER.exact);
  expect(matchTier('Matrix Reloaded', 'matrix')).toBe(TIER.prefix);
  expect(matchTier('Matric', 'matrix')).toBe(TIER.edit);
  expect(matchTier('The Matrix', 'matrix')).toBe(TIER.edit);
  expect(matchTier('Huaxia Bank Co Ltd', 'bank huaxia')).toBe(TIER.words);
  expect(matchTier('Animatrix', 'matrix')).toBe(TIER.contains);
  expect(matchTier('Cat', 'car')).toBe(-1);
  expect(matchTier('Speed Racer', 'speed racr')).toBe(TIER.edit);
  expect(matchTier('10.0.0.10', '10.0.0.1')).toBe(TIER.prefix);
  expect(matchTier('110.0.0.1', '10.0.0.1')).toBe(TIER.edit);
});

test('hits sort by tier, then shorter value, then alphabetically; the matched text is the best value of the node', () => {
  const texts = ['Animatrix', 'The Matrix', 'Matrix Reloaded', 'Matric', 'Matrix'];
  const ranked = texts.map((title) => ({ ...rankNode(node({ title }), ['title'], 'Matrix'), node: node({ title }) }));
  expect(ranked.sort(compareRanked).map((hit) => hit.matched)).toEqual(['Matrix', 'Matrix Reloaded', 'Matric', 'The Matrix', 'Animatrix']);
  const bank = node({ name: 'China Construction Bank Corp', aliases: ['CCB', 'CCBC'] });
  expect(rankNode(bank, ['name', 'aliases'], 'ccbc')).toMatchObject({ matched: 'CCBC', tier: TIER.exact });
  expect(rankNode(bank, ['name', 'aliases'], 'nothing like it')).toMatchObject({ tier: TIER.indexOnly });
});

test('a code or an IP address becomes a phrase and its parts in the Lucene query, a plain word stays exact, prefix and fuzzy', () => {
  expect(luceneQuery('SKU-00042')).toBe('("sku-00042"^4 OR sku\\-00042*^2 OR (sku AND 00042*))');
  expect(luceneQuery('10.0.0.1')).toBe('("10.0.0.1"^4 OR 10.0.0.1*^2 OR (10 AND 0 AND 0 AND 1*))');
  expect(luceneQuery('Tencent')).toBe('(tencent^4 OR tencent*^2 OR tencent~1)');
  expect(luceneQuery('say "hi"')).toContain('"\\"hi\\""^4');
});

const label = (name: string, count: number, nameProperty: string | null, extra: Partial<PlanLabel> = {}): PlanLabel => ({
  name,
  count,
  nameProperty,
  searchProperties: nameProperty ? [nameProperty] : [],
  companions: [],
  ...extra,
});

test('the plan asks the indexes that cover a label and scans the labels no index covers, sharing the budget smallest first', () => {
  const labels = [label('Bank', 10, 'name'), label('Movie', 70_000, 'title'), label('Host', 5, 'ip'), label('Item', 500_000, 'name'), label('Company', 200_000, 'name', { companions: ['Item'] }), label('Empty', 0, 'name'), label('Nameless', 3, null)];
  const indexes = [{ name: 'banks', labels: ['Bank'], properties: ['name'] }, { name: 'items', labels: ['Item'], properties: ['name'] }, { name: 'titles_elsewhere', labels: ['Book'], properties: ['title'] }];
  const plan = planSearch(labels, indexes, null, 50_000);
  expect(plan.indexes).toEqual([
    { index: 'banks', labels: null, properties: ['name'] },
    { index: 'items', labels: null, properties: ['name'] },
  ]);
  expect(plan.scans).toEqual([
    { label: 'Host', keys: ['ip'], examine: 25_000, cut: false, count: 5 },
    { label: 'Movie', keys: ['title'], examine: 49_995, cut: true, count: 70_000 },
  ]);
  expect(planSearch(labels, indexes, 'Company')).toEqual({ indexes: [{ index: 'items', labels: ['Company'], properties: ['name'] }], scans: [] });
  expect(planSearch(labels, [], 'Bank').scans).toEqual([{ label: 'Bank', keys: ['name'], examine: SCAN_BUDGET, cut: false, count: 10 }]);
});

test.each([
  [['id', 'name', 'title'], 'name', ['name', 'title']],
  [['title', 'tagline', 'released'], 'title', ['title']],
  [['employeeID', 'lastName', 'firstName', 'title'], 'lastName', ['lastName', 'employeeID', 'firstName', 'title']],
  [['id', 'filer_org_name', 'amount'], 'filer_org_name', ['filer_org_name']],
  [['ip', 'os'], null, ['ip']],
  [['code', 'price'], 'code', ['code']],
])('keys %j: named by %p, searched in %j', (keys, name, searched) => {
  expect(chooseNameProperty(keys)).toBe(name);
  expect(searchProperties(keys)).toEqual(searched);
});

test("one display rule: the schema's naming property, else the node's own, else the label and a short key, never a bare number", () => {
  const filing = node({ id: 235966, filer_org_name: 'Some Bank AG' }, ['Filing']);
  expect(displayName(filing, { Filing: 'filer_org_name' })).toBe('Some Bank AG');
  expect(displayName(filing)).toBe('Some Bank AG');
  const employee = node({ employeeID: 4, lastName: 'Peacock', firstName: 'Margaret', title: 'Sales Representative' }, ['Employee']);
  expect(displayName(employee, { Employee: 'lastName' })).toBe('Peacock');
  expect(displayName(employee)).toBe('Peacock');
  expect(displayName(node({ orderID: 10248, freight: 32.38 }, ['Order']))).toBe('Order 10248');
  expect(displayName(node({ ip: '10.0.0.1', os: 'linux' }, ['Host']), { Host: null })).toBe('Host 10.0.0.1');
  expect(displayName(node({ weight: 3 }, ['Blob'], '4:abc:17'), { Blob: null })).toBe('Blob 17');
});

test("the scan's cheap first test keeps every value the ranking would keep (all one-edit variants of the words, and contains)", () => {
  const contains = (value: string, groups: string[][]): boolean => groups.some((group) => group.every((part) => value.includes(part)));
  const passes = (value: string, text: string): boolean => contains(value, scanGroups(text).text) || scanGroups(text).words.every((groups) => contains(value, groups));
  for (const word of ['nova', 'matrix', 'commerzbank', 'speed racer', '10.0.0.1']) {
    const variants = new Set<string>();
    for (let i = 0; i <= word.length; i += 1) {
      variants.add(word.slice(0, i) + word.slice(i + 1));
      variants.add(word.slice(0, i) + 'x' + word.slice(i + 1));
      variants.add(word.slice(0, i) + 'q' + word.slice(i));
      if (i < word.length - 1) variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
    for (const typed of variants) {
      for (const value of [word, `the ${word}`, `${word} reloaded`]) {
        if (matchTier(value, typed) >= TIER.contains) expect([value, typed, passes(value, typed)]).toEqual([value, typed, true]);
      }
    }
  }
  expect(passes('cloud atlas', 'zzzz')).toBe(false);
  // Every typed word must pass: a value with only one of them is not compared further.
  expect(passes('alpha zeta 1', 'alpha nova 12345')).toBe(false);
  expect(passes('bank huaxia', 'huaxia bank')).toBe(true);
});

test('the index `npm run search-index` offers quotes the database’s own names, hostile ones included, and covers only what no index covers', () => {
  const hostile = 'Evil`) DETACH DELETE n //';
  const labels = [
    { ...label(hostile, 3, 'name'), properties: ['name'] },
    { ...label('Movie', 5, 'title'), properties: ['title'] },
    { ...label('Bank', 5, 'name'), properties: ['name'] },
  ];
  const proposal = proposeSearchIndex({ labels: labels as never, fulltext: [{ name: 'banks', labels: ['Bank'], properties: ['name'] }], labelSet: new Set(labels.map((each) => each.name)) });
  expect(proposal?.statement).toBe('CREATE FULLTEXT INDEX fingraph_search IF NOT EXISTS\nFOR (n:`Evil``) DETACH DELETE n //`|`Movie`)\nON EACH [n.`name`, n.`title`]');
  expect(proposeSearchIndex({ labels: [labels[2]] as never, fulltext: [{ name: 'banks', labels: ['Bank'], properties: ['name'] }], labelSet: new Set(['Bank']) })).toBeNull();
});
