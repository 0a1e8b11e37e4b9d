/**
 * The API contract: the JSON shapes that the server sends and the client reads. The client imports
 * this file (with `import type` only) and nothing else from server/.
 */

/** A Neo4j value as plain JSON: integers as numbers (or strings beyond 2^53), temporals as ISO text. */
export type PlainValue =
  | null
  | boolean
  | number
  | string
  | PlainValue[]
  | { [key: string]: PlainValue };

export interface GraphNode {
  /** Neo4j elementId. */
  id: string;
  labels: string[];
  properties: Record<string, PlainValue>;
}

export interface GraphEdge {
  /** Neo4j elementId. */
  id: string;
  type: string;
  /** elementId of the start node. */
  source: string;
  /** elementId of the end node. */
  target: string;
  properties: Record<string, PlainValue>;
}

export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A piece of graph to draw: nodes and the relationships between them. */
export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  api: { version: string };
  neo4j: {
    reachable: boolean;
    /** The address without credentials. */
    uri: string;
    database: string | null;
    version: string | null;
    edition: string | null;
    /** Why Neo4j cannot be used, when it cannot. */
    error?: string;
  };
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** A Neo4j status code, when the problem came from the database. */
  code?: string;
}
