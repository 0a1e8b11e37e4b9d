/**
 * Neo4j values to plain JSON, in one place: integers, temporals, spatial points, nodes,
 * relationships, paths, lists and maps. Pure functions over driver values.
 */
import neo4j, { type Integer, type Node, type Path, type Relationship } from 'neo4j-driver';
import type { ConsoleValue, GraphEdge, GraphNode, GraphPath, PlainValue, TemporalType } from '../contract';

/** A Neo4j integer as a JSON number when it is exact, else as its decimal text. */
function integerToPlain(value: { toNumber(): number; toString(): string; inSafeRange(): boolean }): number | string {
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

export function toNode(node: Node): GraphNode {
  return { id: node.elementId, labels: [...node.labels], properties: toProperties(node.properties) };
}

export function toEdge(relationship: Relationship): GraphEdge {
  return {
    id: relationship.elementId,
    type: relationship.type,
    source: relationship.startNodeElementId,
    target: relationship.endNodeElementId,
    properties: toProperties(relationship.properties),
  };
}

export function toPath(path: Path): GraphPath {
  const nodes = new Map<string, GraphNode>([[path.start.elementId, toNode(path.start)]]);
  const edges: GraphEdge[] = [];
  for (const segment of path.segments) {
    nodes.set(segment.end.elementId, toNode(segment.end));
    edges.push(toEdge(segment.relationship));
  }
  return { nodes: [...nodes.values()], edges };
}

export function toProperties(properties: Record<string, unknown>): Record<string, PlainValue> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, toPlain(value)]));
}

/**
 * Any value the driver returns, as plain JSON (property values: numbers, text, temporals as ISO
 * text, points as coordinates). Nodes, relationships and paths become the contract's shapes with a
 * `$kind`; the console does not use this but toConsoleValue, which types every value out of band.
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value)) return integerToPlain(value);
  if (Array.isArray(value)) return value.map((item) => toPlain(item));
  if (temporalType(value)) return neo4j.isDuration(value) ? durationText(value) : (value as { toString(): string }).toString();
  if (neo4j.isPoint(value)) return pointToPlain(value);
  if (neo4j.isNode(value)) return { $kind: 'node', ...toNode(value) } as unknown as PlainValue;
  if (neo4j.isRelationship(value)) return { $kind: 'relationship', ...toEdge(value) } as unknown as PlainValue;
  if (neo4j.isPath(value)) return { $kind: 'path', ...toPath(value) } as unknown as PlainValue;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toPlain(item)]));
  return String(value);
}

function pointToPlain(value: { srid: unknown; x: number; y: number; z?: number }): { srid: number; x: number; y: number; z?: number } {
  const point: { srid: number; x: number; y: number; z?: number } = { srid: Number(toPlain(value.srid)), x: value.x, y: value.y };
  if (value.z !== undefined) point.z = value.z;
  return point;
}

/**
 * A value of a console row with its type beside it (the contract's ConsoleValue). The type comes
 * from what the driver decoded, never from the data: a map stays a map whatever its keys.
 */
export function toConsoleValue(value: unknown): ConsoleValue {
  if (value === null || value === undefined) return { type: 'null', value: null };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'string') return { type: 'string', value };
  // The driver decodes Cypher INTEGERs as Integer (or bigint), FLOATs as numbers.
  if (typeof value === 'number') return { type: 'float', value: Number.isFinite(value) ? value : String(value) };
  if (typeof value === 'bigint') return { type: 'integer', value: Number.isSafeInteger(Number(value)) ? Number(value) : value.toString() };
  if (neo4j.isInt(value)) return { type: 'integer', value: integerToPlain(value) };
  if (Array.isArray(value)) return { type: 'list', value: value.map(toConsoleValue) };
  const temporal = temporalType(value);
  if (temporal) return { type: 'temporal', temporal, value: neo4j.isDuration(value) ? durationText(value) : (value as { toString(): string }).toString() };
  if (neo4j.isPoint(value)) return { type: 'point', value: pointToPlain(value) };
  if (neo4j.isNode(value)) return { type: 'node', value: toNode(value) };
  if (neo4j.isRelationship(value)) return { type: 'relationship', value: toEdge(value) };
  if (neo4j.isPath(value)) return { type: 'path', value: toPath(value) };
  if (value instanceof Uint8Array) return { type: 'bytes', value: Buffer.from(value).toString('base64') };
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return { type: 'map', value: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toConsoleValue(item)])) };
  }
  return { type: 'unsupported', value: String(value) };
}

/** A duration as ISO 8601 text the way Neo4j writes it ('P1Y2M', 'P3DT4H0.5S', 'PT0S'). */
export function durationText(duration: { months: unknown; days: unknown; seconds: unknown; nanoseconds: unknown }): string {
  const months = Number(duration.months);
  const days = Number(duration.days);
  const totalSeconds = Number(duration.seconds);
  const nanoseconds = Number(duration.nanoseconds);
  let text = 'P';
  if (Math.trunc(months / 12) !== 0) text += `${Math.trunc(months / 12)}Y`;
  if (months % 12 !== 0) text += `${months % 12}M`;
  if (days !== 0) text += `${days}D`;
  if (totalSeconds !== 0 || nanoseconds !== 0) {
    const hours = Math.trunc(totalSeconds / 3600);
    const minutes = Math.trunc((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    text += 'T';
    if (hours !== 0) text += `${hours}H`;
    if (minutes !== 0) text += `${minutes}M`;
    if (seconds !== 0 || nanoseconds !== 0) text += `${nanoseconds === 0 ? seconds : (seconds + nanoseconds / 1e9).toString()}S`;
  }
  return text === 'P' ? 'PT0S' : text;
}

/** The Cypher type name of a temporal value (or duration), or null for anything else. */
export function temporalType(value: unknown): TemporalType | null {
  if (neo4j.isDate(value)) return 'Date';
  if (neo4j.isDateTime(value)) return 'DateTime';
  if (neo4j.isLocalDateTime(value)) return 'LocalDateTime';
  if (neo4j.isLocalTime(value)) return 'LocalTime';
  if (neo4j.isTime(value)) return 'Time';
  if (neo4j.isDuration(value)) return 'Duration';
  return null;
}

/** A list of driver nodes (as a query returns them) as GraphNodes; anything else in it is skipped. */
export function toNodes(value: unknown): GraphNode[] {
  return Array.isArray(value) ? value.filter((item): item is Node => neo4j.isNode(item)).map(toNode) : [];
}

/** A list of driver relationships as GraphEdges; anything else in it is skipped. */
export function toEdges(value: unknown): GraphEdge[] {
  return Array.isArray(value) ? value.filter((item): item is Relationship => neo4j.isRelationship(item)).map(toEdge) : [];
}

/** A whole number as a Cypher INTEGER parameter (a JS number would be sent as a FLOAT). */
export function integer(value: number): Integer {
  return neo4j.int(value);
}

/**
 * Every node and relationship anywhere in these driver values (paths, lists and maps included),
 * each once, up to `max` elements in all.
 */
export function collectGraph(values: unknown[], max: number): { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean } {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  const room = (): boolean => {
    if (nodes.size + edges.size < max) return true;
    truncated = true;
    return false;
  };
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || truncated) return;
    if (neo4j.isNode(value)) {
      if (!nodes.has(value.elementId) && room()) nodes.set(value.elementId, toNode(value));
    } else if (neo4j.isRelationship(value)) {
      if (!edges.has(value.elementId) && room()) edges.set(value.elementId, toEdge(value));
    } else if (neo4j.isPath(value)) {
      visit(value.start);
      for (const segment of value.segments) {
        visit(segment.relationship);
        visit(segment.end);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (!neo4j.isInt(value) && !neo4j.isPoint(value) && !neo4j.isDate(value) && !neo4j.isDateTime(value) && !neo4j.isDuration(value) && !neo4j.isLocalDateTime(value) && !neo4j.isLocalTime(value) && !neo4j.isTime(value) && !(value instanceof Uint8Array)) {
      for (const item of Object.values(value)) visit(item);
    }
  };
  for (const value of values) visit(value);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
