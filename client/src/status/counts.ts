/** The counts on the canvas: what is drawn, and of how many, once filters or hiding leave some out (pure). */
import type { CanvasTally } from '../state';

const plural = (count: number, one: string, many: string): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** "40 nodes · 55 relationships", or "12 of 40 nodes · 9 of 55 relationships" when not all are drawn. */
export function countsText({ nodes, relationships }: CanvasTally): string {
  const part = (counts: { visible: number; total: number }, one: string, many: string): string =>
    counts.visible === counts.total ? plural(counts.total, one, many) : `${counts.visible.toLocaleString('en-US')} of ${plural(counts.total, one, many)}`;
  return `${part(nodes, 'node', 'nodes')} · ${part(relationships, 'relationship', 'relationships')}`;
}
