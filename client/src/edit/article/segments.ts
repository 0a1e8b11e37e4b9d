/**
 * The article's text cut into segments for highlighting (pure): every mention of an entity and every
 * relationship's quote is a range with an owner; the text is cut at each range's ends, and each
 * segment knows the owners that cover it. The panel draws each segment as a text node, or as a
 * <mark> or <span> holding one, so the article's words are never parsed as HTML.
 */

export interface OwnedRange {
  start: number;
  end: number;
  /** Who the range belongs to, e.g. "entity:du-xiaoman" or "relationship:3". */
  owner: string;
}

export interface Segment {
  start: number;
  text: string;
  /** The owners whose ranges cover this segment (none: plain text). */
  owners: string[];
}

/** `text` cut at every range's start and end; ranges outside the text are clipped, empty ones left out. */
export function segmentText(text: string, ranges: readonly OwnedRange[]): Segment[] {
  const valid = ranges
    .map((range) => ({ ...range, start: Math.max(0, Math.min(range.start, text.length)), end: Math.max(0, Math.min(range.end, text.length)) }))
    .filter((range) => range.end > range.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < cuts.length - 1; index += 1) {
    const start = cuts[index]!;
    const end = cuts[index + 1]!;
    const owners = valid.filter((range) => range.start <= start && range.end >= end).map((range) => range.owner);
    segments.push({ start, text: text.slice(start, end), owners: [...new Set(owners)] });
  }
  return segments;
}

/**
 * Where `quote` stands in `text`: as written, else ignoring case and runs of spacing; null when the
 * text does not hold it (an edited quote: the server would refuse it, and the panel says so).
 */
export function quoteRange(text: string, quote: string): [number, number] | null {
  const wanted = quote.trim();
  if (wanted === '') return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return [exact, exact + wanted.length];
  const escaped = wanted
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const match = new RegExp(escaped, 'iu').exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}
