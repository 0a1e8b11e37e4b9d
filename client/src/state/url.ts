/**
 * The view in the URL: node ids with positions, pins and hidden flags, the filters and the layout,
 * so that a copied link reopens the same view. Ids share their database prefix ("4:<uuid>:"),
 * which is written once. Pure: encodes to and decodes from the text after `#view=`.
 */
import { LAYOUTS, NO_FILTERS, type Filters, type LayoutName, type Position } from './model';

export interface SharedView {
  ids: string[];
  positions: Record<string, Position>;
  pinned: string[];
  hidden: string[];
  filters: Filters;
  layout: LayoutName;
}

interface Encoded {
  v: 1;
  /** Common prefix of the ids. */
  p: string;
  /** [id suffix, x, y, flags (1 pinned, 2 hidden)] per node; x and y null when not placed. */
  n: Array<[string, number | null, number | null, number]>;
  l: LayoutName;
  f?: { l?: string[]; t?: string[]; y?: [number, number]; u?: 0; o?: 1 };
}

export class SharedViewError extends Error {}

export function encodeView(view: SharedView): string {
  const prefix = commonPrefix(view.ids);
  const pinned = new Set(view.pinned);
  const hidden = new Set(view.hidden);
  const encoded: Encoded = {
    v: 1,
    p: prefix,
    n: view.ids.map((id) => {
      const position = view.positions[id];
      return [id.slice(prefix.length), position ? Math.round(position.x) : null, position ? Math.round(position.y) : null, (pinned.has(id) ? 1 : 0) | (hidden.has(id) ? 2 : 0)];
    }),
    l: view.layout,
  };
  const { hiddenLabels, hiddenTypes, years, keepUndated, hideOrphans } = view.filters;
  const filters: NonNullable<Encoded['f']> = {};
  if (hiddenLabels.length > 0) filters.l = hiddenLabels;
  if (hiddenTypes.length > 0) filters.t = hiddenTypes;
  if (years) filters.y = [years.from, years.to];
  if (!keepUndated) filters.u = 0;
  // Left out when off, so that links made before the option existed read the same.
  if (hideOrphans) filters.o = 1;
  if (Object.keys(filters).length > 0) encoded.f = filters;
  return toBase64Url(JSON.stringify(encoded));
}

export function decodeView(text: string): SharedView {
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(text));
  } catch {
    throw new SharedViewError('The link does not hold a view this version of Fingraph can read (it may have been cut short when copied).');
  }
  const encoded = raw as Partial<Encoded>;
  if (typeof raw !== 'object' || raw === null || encoded.v !== 1 || typeof encoded.p !== 'string' || !Array.isArray(encoded.n)) {
    throw new SharedViewError('The link does not hold a view this version of Fingraph can read.');
  }
  const view: SharedView = { ids: [], positions: {}, pinned: [], hidden: [], filters: { ...NO_FILTERS }, layout: LAYOUTS.includes(encoded.l as LayoutName) ? (encoded.l as LayoutName) : 'fcose' };
  for (const entry of encoded.n) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new SharedViewError('The link holds a node entry that is not valid; copy the link again.');
    const [suffix, x, y, flags] = entry;
    const id = encoded.p + suffix;
    view.ids.push(id);
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) view.positions[id] = { x, y };
    if (typeof flags === 'number' && flags & 1) view.pinned.push(id);
    if (typeof flags === 'number' && flags & 2) view.hidden.push(id);
  }
  const filters = encoded.f ?? {};
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  view.filters = {
    hiddenLabels: strings(filters.l),
    hiddenTypes: strings(filters.t),
    years: Array.isArray(filters.y) && filters.y.every((year) => Number.isInteger(year)) ? { from: filters.y[0], to: filters.y[1] } : null,
    keepUndated: filters.u !== 0,
    hideOrphans: filters.o === 1,
  };
  return view;
}

/** The longest common prefix of the ids that ends at a ':' (the database part of elementIds). */
export function commonPrefix(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  let prefix = ids[0]!;
  for (const id of ids) {
    while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (prefix === '') return '';
  }
  const cut = prefix.lastIndexOf(':');
  return cut >= 0 ? prefix.slice(0, cut + 1) : '';
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
