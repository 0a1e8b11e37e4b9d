import { chooseNameProperty } from '../../server/contract/display-name';
import { luceneQuery, matchedText } from '../../server/services/search';
import { decodeCursor, encodeCursor, planPage } from '../../server/services/nodes';
import { pairEvidence } from '../../server/services/relationships';

test.each([
  [['id', 'name', 'title'], 'name'],
  [['title', 'tagline', 'released'], 'title'],
  [['employeeID', 'lastName', 'firstName', 'title'], 'lastName'],
  [['productID', 'productName', 'unitPrice'], 'productName'],
  [['customerID', 'companyName', 'contactName'], 'companyName'],
  [['firstName', 'age'], null],
  [['regionID', 'regionDescription'], 'regionDescription'],
  [[], null],
])('the naming property of a label with keys %j is %p', (keys, expected) => {
  expect(chooseNameProperty(keys)).toBe(expected);
});

test('search words become a Lucene query with exact, prefix and fuzzy terms, special characters escaped', () => {
  expect(luceneQuery('Tencent')).toBe('(tencent^4 OR tencent*^2 OR tencent~1)');
  expect(luceneQuery('JD')).toBe('(jd^4 OR jd*^2)');
  expect(luceneQuery("'}) DETACH DELETE n //")).toContain('\\}\\)');
  expect(luceneQuery('a:b')).toBe('("a:b"^4 OR a\\:b*^2 OR (a AND b*))');
  expect(luceneQuery('  ')).toBeNull();
  expect(luceneQuery('***')).toBeNull();
});

test('the matched text is the alias or name that best matches', () => {
  const node = { id: '4:x:1', labels: ['Bank'], properties: { name: 'China Construction Bank Corp', aliases: ['CCB', 'CCBC'] } };
  expect(matchedText(node, ['name', 'aliases'], 'ccbc')).toBe('CCBC');
  expect(matchedText(node, ['name', 'aliases'], 'china')).toBe('China Construction Bank Corp');
});

test('a cursor round-trips, and is refused for other filters or when forged', () => {
  const cursor = encodeCursor({ offset: 50, filters: 'abc' });
  expect(decodeCursor(cursor, 'abc')).toBe(50);
  expect(() => decodeCursor(cursor, 'other')).toThrow('belongs to another node or other filters');
  expect(() => decodeCursor('not-a-cursor', 'abc')).toThrow('is not a cursor this API gave out');
  expect(() => decodeCursor(Buffer.from('[-1,"abc"]').toString('base64url'), 'abc')).toThrow('is not a cursor');
});

test('evidence pairs each quote with the article its source id names', () => {
  const article = { id: '4:x:9', labels: ['Source'], properties: { id: 'a1', name: 'Article', publisher: 'China Daily', timeFrame: '2017', url: 'https://example.com/a1', published: '2017-06-22' } };
  const evidence = pairEvidence({ sourceIds: ['a1', 'gone'], quotes: ['first quote', 'second quote'] }, [article]);
  expect(evidence[0]).toEqual({
    quote: 'first quote',
    source: { id: 'a1', name: 'Article', publisher: 'China Daily', timeFrame: '2017', url: 'https://example.com/a1', published: '2017-06-22', node: article },
  });
  expect(evidence[1]?.source).toEqual({ id: 'gone', name: null, publisher: null, timeFrame: null, url: null, published: null, node: null });
  expect(pairEvidence({}, [])).toEqual([]);
});

describe('planning a page over relationship groups', () => {
  const groups = [
    { type: 'A', direction: 'out' as const, size: 3 },
    { type: 'A', direction: 'in' as const, size: 0 },
    { type: 'B', direction: 'out' as const, size: 10 },
    { type: 'C', direction: 'in' as const, size: 2 },
  ];
  const slices = (offset: number, limit: number) => planPage(groups, offset, limit).map(({ group, skip, take }) => `${group.type}${group.direction}:${skip}+${take}`);

  test('the first page starts in the first group and runs on into the next', () => {
    expect(slices(0, 5)).toEqual(['Aout:0+3', 'Bout:0+2']);
  });
  test('a deep page skips whole groups and starts inside its own', () => {
    expect(slices(9, 5)).toEqual(['Bout:6+4', 'Cin:0+1']);
  });
  test('empty groups are never read, and the last page stops at the end', () => {
    expect(slices(12, 25)).toEqual(['Bout:9+1', 'Cin:0+2']);
    expect(slices(15, 5)).toEqual([]);
  });
  test('consecutive pages cover every position exactly once', () => {
    const covered: string[] = [];
    for (let offset = 0; offset < 15; offset += 4) {
      for (const { group, skip, take } of planPage(groups, offset, 4)) {
        for (let i = 0; i < take; i += 1) covered.push(`${group.type}${group.direction}${skip + i}`);
      }
    }
    expect(covered).toHaveLength(15);
    expect(new Set(covered).size).toBe(15);
  });
});
