/**
 * Which palette colour each value of a "colour by property" rule gets (pure). A value keeps its
 * colour while the rule stands, whatever is added to the canvas or taken off it: colours once given
 * are kept, and a new value takes a free one. Which one does not depend on how often a value occurs
 * or in which order values came: a value's first choice is its name's hash into the palette, the
 * next free colour after it on a collision (values new at the same time take their turns in sorted
 * order), so the same canvas gets the same colours on every visit; a shared link carries the places
 * (SharedView.valueColors), since values that came and went leave them where a fresh drawing would not.
 */
import { textHash } from '../graph/palette';

/** The palette places given so far for one property's values. */
export interface CategoryColors {
  property: string;
  /** Value (as the legend shows it) → index into the palette. */
  slots: ReadonlyMap<string, number>;
}


/** Sorted by code units, not by locale: the same order in every browser. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The places of `kept` (when it is this property's), and one for each value of `counts` not placed
 * yet while free places remain. With more new values than free places, the most common of them get
 * the places (ties: in sorted order); the others stay unplaced (the "other" colour).
 */
export function placeCategories(property: string, counts: ReadonlyMap<string, number>, size: number, kept?: CategoryColors | null): CategoryColors {
  const slots = new Map(kept && kept.property === property ? kept.slots : []);
  const taken = new Set(slots.values());
  let free = size - taken.size;
  const fresh = [...counts.keys()].filter((value) => !slots.has(value));
  if (free <= 0 || fresh.length === 0) return { property, slots };
  const chosen = fresh.length <= free ? fresh : [...fresh].sort((a, b) => counts.get(b)! - counts.get(a)! || byText(a, b)).slice(0, free);
  for (const value of chosen.sort(byText)) {
    let place = textHash(value) % size;
    while (taken.has(place)) place = (place + 1) % size;
    slots.set(value, place);
    taken.add(place);
    free -= 1;
  }
  return { property, slots };
}
