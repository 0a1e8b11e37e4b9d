/**
 * What a node is called, one rule for the server and the client (the client imports this file; it
 * is pure and imports nothing).
 *
 * - `chooseNameProperty`: the property that names a label's nodes, from the keys seen on them:
 *   `name`; else a well-known naming key; else another key that ends in "name" (lastName, shipName,
 *   filer_org_name; not firstName or a file name); else `title`, a label-like key, a code or a
 *   description; else none. GET /api/schema reports it per label (`nameProperty`).
 * - `displayName`: a node's name on screen: the value of its label's naming property (from the
 *   schema), else of the property this rule picks from the node's own keys, else the label with a
 *   short key ("Order 10248", never a bare number).
 * - `searchProperties`: the properties search looks in: the naming property and the other keys that
 *   name or identify a node (aliases, title, code, an IP address...).
 */
import type { GraphNode, PlainValue } from './index';

const PREFERRED = ['name', 'displayName', 'fullName', 'companyName', 'productName', 'categoryName'];
const LATER = ['title', 'label', 'username', 'login', 'code'];
const NOT_A_NAME = /^(first|middle|user|file|host)_?name$/i;

export function chooseNameProperty(keys: readonly string[]): string | null {
  const preferred = PREFERRED.find((key) => keys.includes(key));
  if (preferred) return preferred;
  const endsInName = keys.find((key) => /name$/i.test(key) && !NOT_A_NAME.test(key));
  if (endsInName) return endsInName;
  return LATER.find((key) => keys.includes(key)) ?? keys.find((key) => /description$/i.test(key)) ?? null;
}

/** Keys that name or identify a node besides its naming property: what a user may type to find it. */
function searchable(key: string): boolean {
  return (
    /(name|names|alias|aliases|title|code|sku|isbn|symbol|ticker|email|username|login|handle|hostname|domain)$/i.test(key) ||
    /^(ip|ip_?address|address|host|label|key)$/i.test(key) ||
    /[a-z](Id|ID)$|_id$/.test(key)
  );
}

/** The properties search looks in for a label with these keys (at most 8), the naming property first. Pure. */
export function searchProperties(keys: readonly string[]): string[] {
  const name = chooseNameProperty(keys);
  const others = keys.filter((key) => key !== name && searchable(key));
  return [...(name ? [name] : []), ...others].slice(0, 8);
}

/** Which property names each label's nodes (GET /api/schema's `nameProperty`), by label. */
export type Naming = Readonly<Record<string, string | null | undefined>>;

function asText(value: PlainValue | undefined): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const KEY_LIKE = /^(id|uuid|key|code)$|(Id|ID|_id|_key|Key|Code|_code)$/;

export function displayName(node: GraphNode, naming: Naming = {}): string {
  for (const label of node.labels) {
    const key = naming[label];
    const text = key ? asText(node.properties[key]) : undefined;
    if (text !== undefined) return text;
  }
  const own = chooseNameProperty(Object.keys(node.properties));
  const text = own ? asText(node.properties[own]) : undefined;
  if (text !== undefined) return text;
  const label = node.labels[0] ?? 'Node';
  const keys = Object.keys(node.properties);
  const keyName = [...searchProperties(keys), ...keys.filter((key) => KEY_LIKE.test(key))].find((key) => asText(node.properties[key]) !== undefined);
  const shortKey = keyName ? asText(node.properties[keyName]) : node.id.split(':').pop();
  return `${label} ${shortKey ?? node.id}`;
}
