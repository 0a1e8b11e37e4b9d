/** The search box's hint, from the open database's labels (the most numerous first). Pure. */
import type { SchemaInfo } from '../../../server/contract';

export function searchPlaceholder(schema: Pick<SchemaInfo, 'labels'>, shown = 3): string {
  const labels = [...schema.labels]
    .filter((label) => label.count > 0 && label.searchProperties.length > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .map((label) => label.name);
  if (labels.length === 0) return 'Search…  ( / )';
  const named = labels.slice(0, shown).join(', ');
  return `Search ${named}${labels.length > shown ? ', …' : '…'}  ( / )`;
}
