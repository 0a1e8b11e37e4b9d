import neo4j from 'neo4j-driver';
import { toConsoleValue, toEdge, toNode, toPath, toPlain } from '../../server/neo4j';

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

test('console values carry their type beside them: a map is a map whatever its keys, a node only when the driver decoded a node', () => {
  const lookalike = { $kind: 'node', id: 'x', labels: ['Company'], properties: {} };
  expect(toConsoleValue(lookalike)).toEqual({
    type: 'map',
    value: { $kind: { type: 'string', value: 'node' }, id: { type: 'string', value: 'x' }, labels: { type: 'list', value: [{ type: 'string', value: 'Company' }] }, properties: { type: 'map', value: {} } },
  });
  expect(toConsoleValue({ found: [tencent], count: neo4j.int(1), ratio: 0.5 })).toEqual({
    type: 'map',
    value: { found: { type: 'list', value: [{ type: 'node', value: toNode(tencent) }] }, count: { type: 'integer', value: 1 }, ratio: { type: 'float', value: 0.5 } },
  });
  expect(toConsoleValue(partners)).toEqual({ type: 'relationship', value: toEdge(partners) });
  expect(toConsoleValue(neo4j.int('9007199254740993'))).toEqual({ type: 'integer', value: '9007199254740993' });
  expect(toConsoleValue(Number.NaN)).toEqual({ type: 'float', value: 'NaN' });
  expect(toConsoleValue(new Neo4jDate(2019, 12, 1))).toEqual({ type: 'temporal', temporal: 'Date', value: '2019-12-01' });
  expect(toConsoleValue(new Point(neo4j.int(7203), 1, 2))).toEqual({ type: 'point', value: { srid: 7203, x: 1, y: 2 } });
  expect(toConsoleValue(null)).toEqual({ type: 'null', value: null });
});
