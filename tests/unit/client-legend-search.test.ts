/** The client's pure pieces of issue 14, part 3: the legend's shapes and the search box's hint. */
import { shapeOutline, svgPoints } from '../../client/src/graph/shapes';
import { searchPlaceholder } from '../../client/src/search/placeholder';

test.each([
  ['triangle', 3],
  ['diamond', 4],
  ['hexagon', 6],
  ['octagon', 8],
  ['star', 10],
  ['tag', 5],
])("the legend's %s is a polygon of %i corners inside the swatch, as Cytoscape draws it", (shape, corners) => {
  const outline = shapeOutline(shape);
  expect(outline.kind).toBe('polygon');
  const points = outline.kind === 'polygon' ? outline.points : [];
  expect(points).toHaveLength(corners * 2);
  for (const value of points) expect(Math.abs(value)).toBeLessThanOrEqual(1.000001);
  expect(svgPoints(points, 12).split(' ')).toHaveLength(corners);
});

test('a triangle points up (Cytoscape: y grows downwards), ellipses and rectangles are not polygons', () => {
  const triangle = shapeOutline('triangle');
  expect(triangle.kind === 'polygon' && triangle.points[1]).toBeCloseTo(-1);
  expect(shapeOutline('ellipse')).toEqual({ kind: 'ellipse' });
  expect(shapeOutline('round-rectangle')).toEqual({ kind: 'rectangle', rounded: true });
});

test("the search hint names the database's most numerous searchable labels", () => {
  const label = (name: string, count: number, searchProperties = ['name']) => ({ name, count, properties: [], nameProperty: null, searchProperties });
  expect(searchPlaceholder({ labels: [label('Movie', 38), label('Person', 133), label('Empty', 0), label('Blob', 900, [])] })).toBe('Search Person, Movie…  ( / )');
  expect(searchPlaceholder({ labels: [label('A', 1), label('B', 2), label('C', 3), label('D', 4)] })).toBe('Search D, C, B, …  ( / )');
  expect(searchPlaceholder({ labels: [] })).toBe('Search…  ( / )');
});
