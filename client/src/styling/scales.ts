/**
 * The scales of the styling rules (pure): node sizes and relationship widths over a range of
 * numbers, distinct colours for categories, a graded colour scale for numbers.
 */

export const NODE_SIZE = { min: 18, normal: 28, max: 64 } as const;
export const EDGE_WIDTH = { min: 1.5, normal: 1.5, max: 7 } as const;

/** A node's diameter for `value` in [min, max]: its area grows with the value. */
export function sizeFor(value: number, min: number, max: number): number {
  if (max <= min) return NODE_SIZE.normal + 8;
  const t = (value - min) / (max - min);
  return Math.round((NODE_SIZE.min + Math.sqrt(t) * (NODE_SIZE.max - NODE_SIZE.min)) * 10) / 10;
}

export function widthFor(value: number, min: number, max: number): number {
  if (max <= min) return 3;
  const t = (value - min) / (max - min);
  return Math.round((EDGE_WIDTH.min + t * (EDGE_WIDTH.max - EDGE_WIDTH.min)) * 10) / 10;
}

/** Distinct colours for the most common values (Tableau's 10 and two more), then "other". */
export const CATEGORY_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf', '#bcbd22', '#8c564b'] as const;
export const OTHER_COLOR = '#52606d';
export const NO_VALUE_COLOR = '#a9b4c2';

/** The graded scale for numbers (viridis, low to high): readable on the light and the dark canvas. */
export const GRADE_STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

function channel(hex: string, index: number): number {
  return parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16);
}

export function gradeColor(value: number, min: number, max: number): string {
  const t = max <= min ? 0.5 : Math.min(1, Math.max(0, (value - min) / (max - min)));
  const at = t * (GRADE_STOPS.length - 1);
  const low = Math.min(GRADE_STOPS.length - 2, Math.floor(at));
  const f = at - low;
  const [a, b] = [GRADE_STOPS[low]!, GRADE_STOPS[low + 1]!];
  const mix = [0, 1, 2].map((i) => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
