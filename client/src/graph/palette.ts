/**
 * Colours and shapes per label: fixed for the fintech model, generated from the label's name for
 * any other database, so that a label looks the same in every session (pure).
 */
const KNOWN: Record<string, { color: string; shape: string }> = {
  Company: { color: '#3b82f6', shape: 'ellipse' },
  Bank: { color: '#16a34a', shape: 'round-rectangle' },
  Product: { color: '#f59e0b', shape: 'diamond' },
  Regulator: { color: '#dc2626', shape: 'hexagon' },
  Person: { color: '#8b5cf6', shape: 'ellipse' },
  Source: { color: '#64748b', shape: 'rectangle' },
};
const SHAPES = ['ellipse', 'round-rectangle', 'diamond', 'hexagon', 'triangle', 'octagon', 'star', 'tag'];

function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

export function labelStyle(label: string): { color: string; shape: string } {
  const known = KNOWN[label];
  if (known) return known;
  const value = hash(label);
  return { color: `hsl(${value % 360}, 62%, 48%)`, shape: SHAPES[value % SHAPES.length] ?? 'ellipse' };
}
