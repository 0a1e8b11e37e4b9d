/** What a node is called on screen: a rule that works on any database (pure). */
import type { GraphNode, PlainValue } from '../../../server/contract';

const NAME_KEYS = ['name', 'title', 'label', 'displayName', 'companyName', 'productName', 'fullName', 'username', 'code', 'id'];

function asText(value: PlainValue | undefined): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function displayName(node: GraphNode): string {
  for (const key of NAME_KEYS) {
    const text = asText(node.properties[key]);
    if (text !== undefined) return text;
  }
  const firstText = Object.values(node.properties).map(asText).find((text) => text !== undefined);
  return firstText ?? `${node.labels[0] ?? 'Node'} ${node.id.split(':').pop() ?? node.id}`;
}
