/**
 * The outline of each Cytoscape node shape the palette uses, as Cytoscape draws it (its polygon
 * points, in a unit square from -1 to 1, y down), so that the legend's swatches match the canvas.
 * Pure.
 */
function ngon(sides: number, rotation = 0): number[] {
  const increment = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + increment / 2 : Math.PI / 2) + rotation;
  return Array.from({ length: sides }, (_, i) => [Math.cos(i * increment + start), Math.sin(-(i * increment + start))]).flat();
}

function fitToSquare(points: number[]): number[] {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const scaled = points.map((value, i) => value * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...scaled.filter((_, i) => i % 2 === 1));
  return minY < -1 ? scaled.map((value, i) => (i % 2 === 1 ? value + (-1 - minY) : value)) : scaled;
}

function star(): number[] {
  const outer = ngon(5);
  const inner = ngon(5, Math.PI / 5).map((value) => value * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  return fitToSquare(Array.from({ length: 5 }, (_, i) => [outer[2 * i]!, outer[2 * i + 1]!, inner[2 * i]!, inner[2 * i + 1]!]).flat());
}

const POLYGONS: Record<string, () => number[]> = {
  triangle: () => fitToSquare(ngon(3)),
  diamond: () => [0, 1, 1, 0, 0, -1, -1, 0],
  pentagon: () => fitToSquare(ngon(5)),
  hexagon: () => fitToSquare(ngon(6)),
  heptagon: () => fitToSquare(ngon(7)),
  octagon: () => fitToSquare(ngon(8)),
  star,
  tag: () => [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  vee: () => [-1, -1, 0, -0.333, 1, -1, 0, 1],
};

export type ShapeOutline = { kind: 'ellipse' } | { kind: 'rectangle'; rounded: boolean } | { kind: 'polygon'; points: number[] };

export function shapeOutline(shape: string): ShapeOutline {
  if (shape === 'ellipse') return { kind: 'ellipse' };
  const polygon = POLYGONS[shape];
  if (polygon) return { kind: 'polygon', points: polygon() };
  return { kind: 'rectangle', rounded: shape.startsWith('round') };
}

/** The `points` attribute of an SVG polygon for the outline in a box of `size` pixels. */
export function svgPoints(points: number[], size: number): string {
  const half = size / 2;
  const pairs: string[] = [];
  for (let i = 0; i < points.length; i += 2) pairs.push(`${(half + points[i]! * half).toFixed(2)},${(half + points[i + 1]! * half).toFixed(2)}`);
  return pairs.join(' ');
}
