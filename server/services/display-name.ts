/**
 * Which property names a node on screen, on any database: `name`; else a well-known naming key;
 * else another key that ends in "name" (lastName, shipName; not firstName or a file name); else
 * `title`, a label-like key, or a description; else none (the UI then shows the label and id). Pure.
 */
const PREFERRED = ['name', 'displayName', 'fullName', 'companyName', 'productName', 'categoryName'];
const LATER = ['title', 'label', 'username', 'login', 'code'];

export function chooseNameProperty(keys: string[]): string | null {
  const preferred = PREFERRED.find((key) => keys.includes(key));
  if (preferred) return preferred;
  const endsInName = keys.find((key) => /name$/i.test(key) && !/^(first|middle|user|file|host)name$/i.test(key));
  if (endsInName) return endsInName;
  return LATER.find((key) => keys.includes(key)) ?? keys.find((key) => /description$/i.test(key)) ?? null;
}
