/**
 * Styling rules, as in Neo4j Bloom: what sizes the nodes (nothing, their degree on the canvas, or a
 * numeric property), what colours them (their label, or a property's values), which property
 * captions each label's nodes, and what sets a relationship's width (a numeric property). Plain data,
 * kept per database in this browser and carried by a shared link; never part of the undo history
 * (styling changes how the canvas looks, not what is on it). Pure.
 */

export type SizeRule = { by: 'none' } | { by: 'degree' } | { by: 'property'; property: string };
export type ColorRule = { by: 'label' } | { by: 'property'; property: string };
export type WidthRule = { by: 'none' } | { by: 'property'; property: string };

export interface StyleRules {
  size: SizeRule;
  color: ColorRule;
  /** The caption property per label (a label not listed: its naming property, as everywhere). */
  captions: Readonly<Record<string, string>>;
  width: WidthRule;
}

export const DEFAULT_RULES: StyleRules = { size: { by: 'none' }, color: { by: 'label' }, captions: {}, width: { by: 'none' } };

export function isDefaultRules(rules: StyleRules): boolean {
  return rules.size.by === 'none' && rules.color.by === 'label' && rules.width.by === 'none' && Object.keys(rules.captions).length === 0;
}

/** The rules in a compact form for links and storage: only what differs from the default. */
export interface EncodedRules {
  /** Size: 1 for degree, or the property. */
  z?: 1 | string;
  /** Colour by this property. */
  c?: string;
  /** Caption property per label. */
  n?: Record<string, string>;
  /** Relationship width by this property. */
  w?: string;
}

export function encodeRules(rules: StyleRules): EncodedRules {
  const encoded: EncodedRules = {};
  if (rules.size.by === 'degree') encoded.z = 1;
  else if (rules.size.by === 'property') encoded.z = rules.size.property;
  if (rules.color.by === 'property') encoded.c = rules.color.property;
  if (Object.keys(rules.captions).length > 0) encoded.n = { ...rules.captions };
  if (rules.width.by === 'property') encoded.w = rules.width.property;
  return encoded;
}

/**
 * Reads rules from a link or from storage. What is not a valid rule is left at the default (a link
 * from another version still opens), and `problems` says what was dropped, in the user's words.
 */
export function decodeRules(raw: unknown): { rules: StyleRules; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { rules: DEFAULT_RULES, problems: raw === undefined ? [] : ['the styling rules are not readable'] };
  }
  const encoded = raw as Record<string, unknown>;
  const name = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;
  let size: SizeRule = { by: 'none' };
  if (encoded.z === 1) size = { by: 'degree' };
  else if (name(encoded.z)) size = { by: 'property', property: encoded.z };
  else if (encoded.z !== undefined) problems.push('the node size rule');
  let color: ColorRule = { by: 'label' };
  if (name(encoded.c)) color = { by: 'property', property: encoded.c };
  else if (encoded.c !== undefined) problems.push('the colour rule');
  let width: WidthRule = { by: 'none' };
  if (name(encoded.w)) width = { by: 'property', property: encoded.w };
  else if (encoded.w !== undefined) problems.push('the relationship width rule');
  const captions: Record<string, string> = {};
  if (typeof encoded.n === 'object' && encoded.n !== null && !Array.isArray(encoded.n)) {
    for (const [label, property] of Object.entries(encoded.n as Record<string, unknown>)) {
      if (name(label) && name(property)) captions[label] = property;
      else problems.push(`the caption of ${label}`);
    }
  } else if (encoded.n !== undefined) problems.push('the captions');
  return { rules: { size, color, captions, width }, problems };
}

/** Sets or clears (null) the caption property of one label. */
export function withCaption(rules: StyleRules, label: string, property: string | null): StyleRules {
  const captions = { ...rules.captions };
  if (property === null) delete captions[label];
  else captions[label] = property;
  return { ...rules, captions };
}
