import neo4j from 'neo4j-driver';
import { toEdge, toNode, toPath, toPlain } from '../../server/neo4j';

const { Node, Relationship, Path, PathSegment, Point, Date: Neo4jDate, DateTime, Duration } = neo4j.types;

const tencent = new Node(neo4j.int(1), ['Company'], { name: 'Tencent', founded: neo4j.int(1998) }, '4:db:1');
const huaxia = new Node(neo4j.int(2), ['Bank'], { name: 'Huaxia Bank' }, '4:db:2');
const partners = new Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'PARTNERS_WITH', { since: new Neo4jDate(2017, 3, 9) }, '5:db:7', '4:db:1', '4:db:2');

test('integers become numbers when exact, and decimal text beyond 2^53', () => {
  expect(toPlain(neo4j.int(42))).toBe(42);
  expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  expect(toPlain(neo4j.int(-5))).toBe(-5);
});

test('temporal values become ISO text and points become coordinates', () => {
  expect(toPlain(new Neo4jDate(2019, 12, 1))).toBe('2019-12-01');
  expect(toPlain(new DateTime(2019, 12, 1, 10, 30, 0, 0, 0))).toBe('2019-12-01T10:30:00Z');
  expect(toPlain(new Duration(1, 2, 3, 0))).toBe('P1M2DT3S');
  expect(toPlain(new Point(neo4j.int(4326), 114.17, 22.3))).toEqual({ srid: 4326, x: 114.17, y: 22.3 });
});

test('non-finite floats become text, since JSON has no NaN or Infinity', () => {
  expect(toPlain(Number.NaN)).toBe('NaN');
  expect(toPlain(Number.POSITIVE_INFINITY)).toBe('Infinity');
});

test('a node becomes {id: elementId, labels, properties} with its properties converted', () => {
  expect(toNode(tencent)).toEqual({ id: '4:db:1', labels: ['Company'], properties: { name: 'Tencent', founded: 1998 } });
});

test('a relationship becomes {id, type, source, target, properties} keyed by elementIds', () => {
  expect(toEdge(partners)).toEqual({ id: '5:db:7', type: 'PARTNERS_WITH', source: '4:db:1', target: '4:db:2', properties: { since: '2017-03-09' } });
});

test('a path becomes its distinct nodes and its relationships in order', () => {
  const path = new Path(tencent, huaxia, [new PathSegment(tencent, partners, huaxia)]);
  const plain = toPath(path);
  expect(plain.nodes.map((node) => node.id)).toEqual(['4:db:1', '4:db:2']);
  expect(plain.edges.map((edge) => edge.id)).toEqual(['5:db:7']);
});

test('nodes nested in lists and maps are tagged with $kind so a reader can tell them from maps', () => {
  const plain = toPlain({ found: [tencent], count: neo4j.int(1) }) as { found: { $kind: string; id: string }[]; count: number };
  expect(plain.count).toBe(1);
  expect(plain.found[0]).toMatchObject({ $kind: 'node', id: '4:db:1' });
});
