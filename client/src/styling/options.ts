/**
 * What the styling panel offers (pure): the properties of the labels and relationship types on the
 * canvas, as GET /api/schema reports them for the open database, and which of them hold numbers on
 * the canvas (a size or a width needs numbers). Nothing here knows the fintech model.
 */
import type { SchemaInfo } from '../../../server/contract';
import type { ViewState } from '../state';

export interface PropertyChoice {
  name: string;
  /** The labels (or relationship types) on the canvas that have it. */
  owners: string[];
  /** Some element on the canvas holds a number in it. */
  numeric: boolean;
}

export interface StyleOptions {
  nodeProperties: PropertyChoice[];
  edgeProperties: PropertyChoice[];
  /** Per label on the canvas: its properties, and the one that names its nodes by default. */
  captions: Array<{ label: string; properties: string[]; naming: string | null }>;
}

function choices(owners: Map<string, string[]>, values: (property: string) => Iterable<unknown>): PropertyChoice[] {
  const byProperty = new Map<string, string[]>();
  for (const [owner, properties] of owners) for (const property of properties) byProperty.set(property, [...(byProperty.get(property) ?? []), owner]);
  return [...byProperty]
    .map(([name, list]) => {
      let numeric = false;
      for (const value of values(name)) if (typeof value === 'number' && Number.isFinite(value)) { numeric = true; break; }
      return { name, owners: list.sort(), numeric };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function styleOptions(schema: SchemaInfo | null, state: ViewState): StyleOptions {
  const nodes = Object.values(state.nodes).map((node) => node.data);
  const edges = Object.values(state.edges);
  const labelsOnCanvas = new Set(nodes.map((node) => node.labels[0] ?? ''));
  const typesOnCanvas = new Set(edges.map((edge) => edge.type));
  // The schema's keys per label; without a schema (it failed to load), the keys the canvas shows.
  const labelKeys = new Map<string, string[]>();
  const naming = new Map<string, string | null>();
  for (const label of labelsOnCanvas) {
    const info = schema?.labels.find((each) => each.name === label);
    naming.set(label, info?.nameProperty ?? null);
    labelKeys.set(label, info ? [...info.properties] : [...new Set(nodes.filter((node) => node.labels[0] === label).flatMap((node) => Object.keys(node.properties)))]);
  }
  const typeKeys = new Map<string, string[]>();
  for (const type of typesOnCanvas) {
    const info = schema?.relationshipTypes.find((each) => each.name === type);
    typeKeys.set(type, info ? [...info.properties] : [...new Set(edges.filter((edge) => edge.type === type).flatMap((edge) => Object.keys(edge.properties)))]);
  }
  return {
    nodeProperties: choices(labelKeys, (property) => nodes.map((node) => node.properties[property])),
    edgeProperties: choices(typeKeys, (property) => edges.map((edge) => edge.properties[property])),
    captions: [...labelKeys].sort(([a], [b]) => a.localeCompare(b)).map(([label, properties]) => ({ label, properties: [...properties].sort(), naming: naming.get(label) ?? null })),
  };
}
