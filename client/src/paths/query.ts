/**
 * What the paths panel asks for besides the ends: the relationship types a path may use (every
 * type, or those ticked) and the direction it follows them in. Pure.
 */
import type { PathDirection } from '../../../server/contract';

export interface PathQuery {
  maxHops: number;
  /** The types a path may use; null for every type. */
  types: string[] | null;
  direction: PathDirection;
}

export const DIRECTION_LABELS: Record<PathDirection, string> = {
  both: 'either way',
  out: 'outgoing (from → to)',
  in: 'incoming (from ← to)',
};

/** The types to send: null when every type of the database is chosen (the server then names none). */
export function typesToSend(all: readonly string[], chosen: ReadonlySet<string>): string[] | null {
  if (all.length > 0 && all.every((type) => chosen.has(type))) return null;
  return all.filter((type) => chosen.has(type));
}

/** The picker's summary: "any type", the one type, or "3 of 12 types". */
export function typesSummary(all: readonly string[], chosen: ReadonlySet<string>): string {
  const types = typesToSend(all, chosen);
  if (types === null) return 'any type';
  if (types.length === 0) return 'no type';
  if (types.length <= 2) return types.join(', ');
  return `${types.length} of ${all.length} types`;
}

/** How the result names the query: "using only PARTNERS_WITH, outgoing" (empty for every type, either way). */
export function queryWords(query: Pick<PathQuery, 'types' | 'direction'>): string {
  const parts = [
    query.types === null ? null : `using only ${query.types.join(', ')}`,
    query.direction === 'both' ? null : query.direction === 'out' ? 'following relationships outwards from the first end' : 'following relationships inwards to the first end',
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}
