/**
 * What a node is called on screen: the one rule of server/contract/display-name.ts, with the naming
 * property per label that GET /api/schema reports (set once the schema is read; before that, or for a
 * label it does not list, the rule picks from the node's own keys).
 */
import type { GraphNode, SchemaInfo } from '../../../server/contract';
import { displayName as nameByRule, type Naming } from '../../../server/contract/display-name';

let naming: Naming = {};

export function useSchemaNaming(schema: SchemaInfo): void {
  naming = Object.fromEntries(schema.labels.map((label) => [label.name, label.nameProperty]));
}

/** The naming in use: a new object each time the schema's naming is set (what names may change with). */
export function namingInUse(): Readonly<Naming> {
  return naming;
}

export function displayName(node: GraphNode): string {
  return nameByRule(node, naming);
}
