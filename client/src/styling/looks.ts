/**
 * What the styling rules make of the canvas (pure): each node's size, colour and caption, each
 * relationship's width, and the key the legend shows for them. Computed from the view state and the
 * rules at each drawing; never written into the state.
 */
import type { GraphEdge, GraphNode, PlainValue } from '../../../server/contract';
import type { ViewState } from '../state';
import type { StyleRules } from './rules';
import { placeCategories, type CategoryColors } from './category-colors';
import { CATEGORY_COLORS, gradeColor, NO_VALUE_COLOR, OTHER_COLOR, sizeFor, widthFor, NODE_SIZE, EDGE_WIDTH } from './scales';

export interface NodeLook {
  /** Diameter in px; null: the normal size. */
  size: number | null;
  /** Fill colour; null: the label's colour. */
  color: string | null;
  /** The caption; null: the node's display name. */
  caption: string | null;
}

export interface NumberRange {
  min: number;
  max: number;
  /** Nodes or relationships on the canvas without a number for it. */
  missing: number;
}

export type ColorKey =
  | { kind: 'categories'; property: string; entries: Array<{ value: string; color: string; count: number }>; other: number; missing: number }
  | { kind: 'grades'; property: string; range: NumberRange; stops: Array<{ value: number; color: string }> };

export interface StyleKey {
  /** The size rule and the range it spans on the canvas (null: nothing on the canvas has a number for it). */
  size: (({ by: 'degree' } | { by: 'property'; property: string }) & { range: NumberRange | null; sizes: [number, number] }) | null;
  color: ColorKey | null;
  width: { property: string; range: NumberRange | null; widths: [number, number] } | null;
  captions: Array<[label: string, property: string]>;
}

export interface Looks {
  nodes: ReadonlyMap<string, NodeLook>;
  /** Width in px per relationship the width rule reaches (the others: the normal width). */
  edges: ReadonlyMap<string, number>;
  key: StyleKey;
  /** The colours given to the values of the colour rule's property (kept for the next drawing: see placeCategories); null for any other rule. */
  categories: CategoryColors | null;
}

function numberOf(value: PlainValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A property's value as the legend and a caption show it. */
export function valueText(value: PlainValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((each) => (each === null || typeof each !== 'object' ? String(each) : JSON.stringify(each))).join(', ');
  return JSON.stringify(value);
}

function range(values: Iterable<number | null>): NumberRange | null {
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (const value of values) {
    if (value === null) missing += 1;
    else {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  return min === Infinity ? null : { min, max, missing };
}

/**
 * `kept`: the colours the values got at the last drawing (Looks.categories): a value keeps its
 * colour while the rule stands, whatever the canvas gains or loses.
 */
export function computeLooks(state: ViewState, rules: StyleRules, name: (node: GraphNode) => string, kept: CategoryColors | null = null): Looks {
  const nodes = Object.values(state.nodes).map((node) => node.data);
  const edges = Object.values(state.edges);
  const looks = new Map<string, NodeLook>(nodes.map((node) => [node.id, { size: null, color: null, caption: null }]));
  const key: StyleKey = { size: null, color: null, width: null, captions: [] };
  let categories: CategoryColors | null = null;

  // Size: the degree on the canvas, or a number property.
  if (rules.size.by !== 'none') {
    let values: Map<string, number | null>;
    if (rules.size.by === 'degree') {
      values = new Map(nodes.map((node) => [node.id, 0]));
      for (const edge of edges) {
        values.set(edge.source, (values.get(edge.source) ?? 0) + 1);
        if (edge.target !== edge.source) values.set(edge.target, (values.get(edge.target) ?? 0) + 1);
      }
    } else {
      const property = rules.size.property;
      values = new Map(nodes.map((node) => [node.id, numberOf(node.properties[property])]));
    }
    const span = range(values.values());
    if (span) {
      for (const [id, value] of values) if (value !== null) looks.get(id)!.size = sizeFor(value, span.min, span.max);
      key.size = { ...rules.size, range: span, sizes: [sizeFor(span.min, span.min, span.max), sizeFor(span.max, span.min, span.max)] };
    } else key.size = { ...rules.size, range: null, sizes: [NODE_SIZE.normal, NODE_SIZE.normal] };
  }

  // Colour: categories for text (each value a colour of its own), a graded scale when every value is a number.
  if (rules.color.by === 'property') {
    const property = rules.color.property;
    // (Kept through a drawing with no value of it on the canvas: the colours come back with the values.)
    categories = kept && kept.property === property ? kept : null;
    const present = nodes.filter((node) => node.properties[property] !== undefined && node.properties[property] !== null);
    const missing = nodes.length - present.length;
    const numbers = present.map((node) => numberOf(node.properties[property]));
    if (present.length > 0 && numbers.every((value) => value !== null)) {
      const span = range(numbers)!;
      span.missing = missing;
      for (const node of present) looks.get(node.id)!.color = gradeColor(numberOf(node.properties[property])!, span.min, span.max);
      const steps = span.max > span.min ? 4 : 0;
      key.color = { kind: 'grades', property, range: span, stops: Array.from({ length: steps + 1 }, (_, i) => { const value = steps === 0 ? span.min : span.min + ((span.max - span.min) * i) / steps; return { value, color: gradeColor(value, span.min, span.max) }; }) };
    } else if (present.length > 0) {
      const counts = new Map<string, number>();
      const texts = new Map<string, string>();
      for (const node of present) {
        const text = valueText(node.properties[property]!);
        texts.set(node.id, text);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      const placed = placeCategories(property, counts, CATEGORY_COLORS.length, kept);
      categories = placed;
      const colorOf = (value: string): string | undefined => {
        const slot = placed.slots.get(value);
        return slot === undefined ? undefined : CATEGORY_COLORS[slot];
      };
      for (const [id, text] of texts) looks.get(id)!.color = colorOf(text) ?? OTHER_COLOR;
      // The legend lists the most common first; each value's colour is its own (see placeCategories).
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const coloured = ranked.filter(([value]) => colorOf(value) !== undefined);
      const other = ranked.filter(([value]) => colorOf(value) === undefined).reduce((sum, [, count]) => sum + count, 0);
      key.color = { kind: 'categories', property, entries: coloured.map(([value, count]) => ({ value, color: colorOf(value)!, count })), other, missing };
    } else {
      key.color = { kind: 'categories', property, entries: [], other: 0, missing };
    }
    for (const node of nodes) if (looks.get(node.id)!.color === null) looks.get(node.id)!.color = NO_VALUE_COLOR;
  }

  // Captions per label.
  const captionLabels = Object.entries(rules.captions);
  if (captionLabels.length > 0) {
    for (const node of nodes) {
      const property = rules.captions[node.labels[0] ?? ''];
      if (property === undefined) continue;
      const value = node.properties[property];
      looks.get(node.id)!.caption = value === undefined || value === null ? name(node) : valueText(value);
    }
    key.captions = captionLabels.sort(([a], [b]) => a.localeCompare(b));
  }

  // Relationship width by a number property.
  const widths = new Map<string, number>();
  if (rules.width.by === 'property') {
    const property = rules.width.property;
    const values = edges.map((edge: GraphEdge) => numberOf(edge.properties[property]));
    const span = range(values);
    if (span) {
      edges.forEach((edge, index) => {
        const value = values[index];
        if (value !== null && value !== undefined) widths.set(edge.id, widthFor(value, span.min, span.max));
      });
      key.width = { property, range: span, widths: [widthFor(span.min, span.min, span.max), widthFor(span.max, span.min, span.max)] };
    } else key.width = { property, range: null, widths: [EDGE_WIDTH.normal, EDGE_WIDTH.normal] };
  }
  return { nodes: looks, edges: widths, key, categories };
}

export { NODE_SIZE, EDGE_WIDTH };
