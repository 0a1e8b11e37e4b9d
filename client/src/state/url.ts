/**
 * The view in the URL: node ids with positions, pins and hidden flags, the filters, the layout and
 * the camera (where the view is centred and its zoom), so that a copied link reopens the same view.
 * Links from before the camera was kept still open (and are framed as before). Ids share their database prefix ("4:<uuid>:"),
 * which is written once. Pure: encodes to and decodes from the text after `#view=`.
 */
import { decodeRules, encodeRules, isDefaultRules, type EncodedRules, type StyleRules } from '../styling/rules';
import { CATEGORY_COLORS } from '../styling/scales';
import type { History } from './history';
import { LAYOUTS, NO_FILTERS, type Filters, type LayoutName, type Position, type ViewState } from './model';

export interface SharedView {
  ids: string[];
  positions: Record<string, Position>;
  pinned: string[];
  hidden: string[];
  filters: Filters;
  layout: LayoutName;
  /** The stable key of each id that has one: a link then survives a reseed, which changes elementIds. */
  keys?: Record<string, string>;
  /** The styling rules of the view (absent from links made before styling, and when they are the default). */
  styling?: StyleRules;
  /** Parts of the link's styling that could not be read (left at the default), in the user's words. */
  stylingProblems?: string[];
  /** The point of the graph in the middle of the view, and the zoom; absent in older links. */
  camera?: Camera;
  /**
   * With a "colour by a property's values" rule: the palette place each value has (CategoryColors),
   * so that the link opens in the colours its sender saw (a fresh drawing places the values anew,
   * and where two collided, or values came and went, the places differ). Absent in older links.
   */
  valueColors?: Array<[value: string, place: number]>;
}

export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

interface Encoded {
  v: 1;
  /** Common prefix of the ids. */
  p: string;
  /** [id suffix, x, y, flags (1 pinned, 2 hidden), stable key where the node has one] per node; x and y null when not placed. */
  n: Array<[string, number | null, number | null, number] | [string, number | null, number | null, number, string]>;
  l: LayoutName;
  f?: { l?: string[]; t?: string[]; y?: [number, number]; u?: 0; o?: 1 };
  /** Styling rules (optional: older links have none). */
  s?: EncodedRules;
  /** The camera: centre x, y (model coordinates) and zoom. */
  c?: [number, number, number];
  /** The palette place of each value of the colour rule's property. */
  k?: Array<[string, number]>;
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
      const entry: [string, number | null, number | null, number] = [id.slice(prefix.length), position ? Math.round(position.x) : null, position ? Math.round(position.y) : null, (pinned.has(id) ? 1 : 0) | (hidden.has(id) ? 2 : 0)];
      const key = view.keys?.[id];
      return key === undefined ? entry : [...entry, key];
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
  if (view.styling && !isDefaultRules(view.styling)) encoded.s = encodeRules(view.styling);
  if (view.camera && [view.camera.x, view.camera.y, view.camera.zoom].every(Number.isFinite) && view.camera.zoom > 0) {
    encoded.c = [Math.round(view.camera.x), Math.round(view.camera.y), Math.round(view.camera.zoom * 1000) / 1000];
  }
  if (view.valueColors && view.valueColors.length > 0 && view.styling?.color.by === 'property') encoded.k = view.valueColors;
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
    const [suffix, x, y, flags, key] = entry;
    const id = encoded.p + suffix;
    view.ids.push(id);
    if (typeof key === 'string') (view.keys ??= {})[id] = key;
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
  if (encoded.s !== undefined) {
    const { rules, problems } = decodeRules(encoded.s);
    view.styling = rules;
    if (problems.length > 0) view.stylingProblems = problems;
  }
  const camera = encoded.c;
  if (Array.isArray(camera) && camera.length === 3 && camera.every((value) => typeof value === 'number' && Number.isFinite(value)) && camera[2] > 0) {
    view.camera = { x: camera[0], y: camera[1], zoom: camera[2] };
  }
  // Each value once, each place once; anything else is left out (a fresh drawing places those values).
  if (Array.isArray(encoded.k) && view.styling?.color.by === 'property') {
    const values = new Set<string>();
    const places = new Set<number>();
    const colors: Array<[string, number]> = [];
    for (const entry of encoded.k) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1]) || entry[1] < 0 || entry[1] >= CATEGORY_COLORS.length) continue;
      if (values.has(entry[0]) || places.has(entry[1])) continue;
      values.add(entry[0]);
      places.add(entry[1]);
      colors.push([entry[0], entry[1]]);
    }
    if (colors.length > 0) view.valueColors = colors;
  }
  return view;
}

/** The view with the ids the server renamed (their keys name other nodes now, after a reseed) replaced. Pure. */
export function renameView(view: SharedView, renamed: Readonly<Record<string, string>>): SharedView {
  const rename = (id: string): string => renamed[id] ?? id;
  return {
    ...view,
    ids: view.ids.map(rename),
    positions: Object.fromEntries(Object.entries(view.positions).map(([id, position]) => [rename(id), position])),
    pinned: view.pinned.map(rename),
    hidden: view.hidden.map(rename),
    keys: view.keys && Object.fromEntries(Object.entries(view.keys).map(([id, key]) => [rename(id), key])),
  };
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

/** Whether a state of the undo history shows what a link's view holds: the same nodes, pins, hidden nodes, filters and layout (positions and the camera aside). */
export function showsView(state: ViewState, view: SharedView): boolean {
  const nodes = Object.values(state.nodes);
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  const filters = (f: Filters): string => JSON.stringify({ ...f, hiddenLabels: [...f.hiddenLabels].sort(), hiddenTypes: [...f.hiddenTypes].sort() });
  return (
    same(Object.keys(state.nodes), view.ids) &&
    same(nodes.filter((node) => node.pinned).map((node) => node.data.id), view.pinned) &&
    same(nodes.filter((node) => node.hidden).map((node) => node.data.id), view.hidden) &&
    filters(state.filters) === filters(view.filters) &&
    state.layout === view.layout
  );
}

/**
 * How many steps of the undo history away the nearest state that `shows` is (Back and Forward within
 * the page): 0 the present, -k k undos, +k k redos; null when none is.
 */
export function stepsTo(history: History, shows: (state: ViewState) => boolean): number | null {
  if (shows(history.present)) return 0;
  for (let k = 1; k <= Math.max(history.past.length, history.future.length); k += 1) {
    const back = history.past[history.past.length - k];
    if (back && shows(back)) return -k;
    const ahead = history.future[k - 1];
    if (ahead && shows(ahead)) return k;
  }
  return null;
}
