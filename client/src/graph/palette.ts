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

/** FNV-1a of a text: a stable first choice among a palette's places (a label's shape, a value's colour). */
export function textHash(text: string): number {
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
  const value = textHash(label);
  return { color: `hsl(${value % 360}, 62%, 48%)`, shape: SHAPES[value % SHAPES.length] ?? 'ellipse' };
}

/**
 * A colour per relationship type, for its edges and its legend row: fixed for the fintech model,
 * generated from the type's name for any other. All are mid-tone (lightness 42–50%, saturated), so
 * that a line reads on the light canvas and on the dark one alike.
 */
const KNOWN_TYPES: Record<string, string> = {
  PARTNERS_WITH: '#2f7fd8',
  COMPETES_WITH: '#e0503a',
  OWNS: '#8a5cd6',
  SUBSIDIARY_OF: '#a66bd8',
  OFFERS: '#d98a0b',
  DISTRIBUTES: '#c2760a',
  SET_UP_JOINT_VENTURE: '#1a9e8a',
  LICENSED_BY: '#cc3f7a',
  WORKS_FOR: '#6b8e23',
  IMITATES: '#b5652e',
  PROVIDES_INFRASTRUCTURE_FOR: '#0e94b5',
  REPORTED_ON: '#7a8794',
};

export function typeColor(type: string): string {
  const known = KNOWN_TYPES[type];
  if (known) return known;
  // A different mix than the labels' so that a label and a type of the same name do not match.
  const value = textHash(`type:${type}`);
  return `hsl(${value % 360}, 65%, ${44 + (value >>> 9) % 6}%)`;
}
