/**
 * The API contract: the JSON shapes that the server sends and the client reads. The client imports
 * this file (with `import type` only) and, from server/, nothing else but the pure rules beside it
 * (display-name.ts: what a node is called).
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
    /** The address without credentials; null from a public deployment (DEPLOYMENT=public), as are version and edition. */
    uri: string | null;
    database: string | null;
    version: string | null;
    edition: string | null;
    /** Why Neo4j cannot be used, when it cannot. */
    error?: string;
  };
  /** Console transactions that ran past their time limit and did not stop (see the console watchdog). */
  console?: { stuck: StuckConsoleTransaction[] };
}

/** A console transaction still running after its time limit: who started it and when, never its query or parameters. */
export interface StuckConsoleTransaction {
  transactionId: string;
  /** When the transaction started (ISO 8601). */
  startedAt: string;
  /** The id of the request that sent it (X-Request-Id, in the server's log). */
  request: string;
  /** The address of the client that sent it. */
  client: string | null;
  /** Seconds it has run past the console's time limit. */
  overdueSeconds: number;
  /** Neo4j's status of it ("Terminated with reason: ..."). */
  status: string;
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** A Neo4j status code, when the problem came from the database. */
  code?: string;
  /** Where in a console query the problem is (1-based line and column, 0-based offset). */
  position?: { line: number; column: number; offset: number };
  /** The request's id (X-Request-Id), to find it in the server's log. */
  requestId?: string;
  /** A refused change: the rule it broke ("model.relationship-ends", "evidence.quote-in-source"…). */
  rule?: string;
  /** A refused change (409): what changed meanwhile, element by element and property by property. */
  conflicts?: Array<{ key: string; property?: string; expected: PlainValue; current: PlainValue }>;
  /** A delete refused for want of confirmation: what would go with the node (its relationships). */
  goesWith?: Array<{ key: string | null; type: string; from: string | null; to: string | null }>;
  /** A Source refused deletion: the relationships that cite it as their evidence (at most 100). */
  citedBy?: Array<{ key: string | null; type: string; from: string | null; to: string | null }>;
}

/** GET /api/schema: what the database holds, discovered, never assumed. */
export interface SchemaInfo {
  labels: Array<{
    name: string;
    count: number;
    /** Property keys seen on a sample of the label's nodes, most common first. */
    properties: string[];
    /**
     * The property that names a node of this label on screen, or null (then the label and a short
     * key). The rule is server/contract/display-name.ts, which the client uses with this.
     */
    nameProperty: string | null;
    /** The properties search looks in (the naming property first, then aliases, codes, titles...). */
    searchProperties: string[];
  }>;
  relationshipTypes: Array<{ name: string; count: number; properties: string[] }>;
  /** A full-text index search uses (`entity_names` where it exists), or null. */
  searchIndex: string | null;
  /** Every online full-text node index, with the labels and properties it covers. */
  searchIndexes: SearchIndexInfo[];
}

export interface SearchIndexInfo {
  name: string;
  labels: string[];
  properties: string[];
}

export interface SearchHit {
  node: GraphNode;
  /** The property value that matched (a name or an alias). */
  matched: string;
  score: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /**
   * 'fulltext' when indexes answered alone, 'scan' when the naming properties were scanned (no index
   * covers them), 'mixed' when both.
   */
  method: 'fulltext' | 'scan' | 'mixed';
  /** The full-text indexes that were queried. */
  indexes: string[];
  /**
   * True when a scan stopped before reading every node it would search (a bound on a large label):
   * hits may be missing. `note` then says what was cut and how to add an index.
   */
  partial: boolean;
  note?: string;
}

export type Direction = 'out' | 'in';

/** A node with its degree per relationship type and direction, for "PARTNERS_WITH (4)" before expanding. */
export interface NodeDetails {
  node: GraphNode;
  degrees: Array<{ type: string; direction: Direction; count: number }>;
  degree: number;
}

export interface NeighborPage {
  node: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** How many neighbours match the filters in all. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  cursor: string | null;
}

export interface Evidence {
  quote: string;
  /**
   * The article: its title, publisher, the time frame its text gives, where it is on the web (`url`,
   * as stored: the client links only http and https) and when it was published (`published`, ISO
   * 8601: "2017-06-22", "2017-06" or "2017"), each null where the database does not say.
   */
  source: { id: string; name: string | null; publisher: string | null; timeFrame: string | null; url: string | null; published: string | null; node: GraphNode | null };
}

export interface RelationshipDetails {
  edge: GraphEdge;
  source: GraphNode;
  target: GraphNode;
  /** The quotes and articles the relationship cites (empty where it cites none). */
  evidence: Evidence[];
}

/** Which way a path follows its relationships, from its first node: out, in, or either way. */
export const PATH_DIRECTIONS = ['both', 'out', 'in'] as const;
export type PathDirection = (typeof PATH_DIRECTIONS)[number];

export interface PathsResult {
  from: string;
  to: string;
  /** The relationship types the paths may use (null: every type). */
  types: string[] | null;
  direction: PathDirection;
  paths: GraphPath[];
  /** Hops of the shortest paths; null when there is none within maxHops. */
  length: number | null;
  /** True when more shortest paths exist than were returned. */
  truncated: boolean;
}

/** POST /api/graph/subgraph: nodes by id, and the relationships joining them. */
export interface SubgraphRequest {
  /** Every node of the view (at most 5,000 elementIds). */
  ids: string[];
  /** Only relationships touching one of these are returned; all of `ids` when omitted. */
  focus?: string[];
  /**
   * The stable key of each id that has one (a shared view's): the node the key names now is used
   * in its place, so that a view shared before a reseed (new elementIds) reopens the same nodes.
   */
  keys?: Record<string, string>;
}

export interface SubgraphResult extends GraphView {
  /** Ids asked for that no longer exist (deleted since the view was shared). */
  missing: string[];
  /** True when more relationships joined the nodes than were returned (20,000). */
  truncated: boolean;
  /** Ids of the request whose key names another node now (after a reseed): old id → the node's id now. */
  renamed: Record<string, string>;
}

/** GET /api/query/schema: what the console's editor completes, read from the database. */
export interface ConsoleSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  functions: Array<{ name: string; signature: string }>;
  /** Only the procedures the console allows. */
  procedures: Array<{ name: string; signature: string; returnItems: Array<{ name: string; signature: string }> }>;
}

/** POST /api/query: a read-only Cypher query from the console. */
export interface ConsoleRequest {
  query: string;
  /** Query parameters ($name), as a JSON object. */
  params?: Record<string, unknown>;
}

/** The Cypher type names of temporal values (and durations). */
export type TemporalType = 'Date' | 'DateTime' | 'LocalDateTime' | 'LocalTime' | 'Time' | 'Duration';

/**
 * One value of a console result with its Cypher type beside it, never inside it: a map's `value` is
 * always the returned data (whatever keys it has, `$kind` or `labels` included), so returned data
 * can never pass for a node. Only the server says what is a node, a relationship or a path.
 */
export type ConsoleValue =
  | { type: 'null'; value: null }
  | { type: 'boolean'; value: boolean }
  /** A JSON number when exact, else its decimal text (beyond 2^53). */
  | { type: 'integer'; value: number | string }
  /** 'NaN', 'Infinity' and '-Infinity' as text, since JSON has no such numbers. */
  | { type: 'float'; value: number | string }
  | { type: 'string'; value: string }
  /** Base64. */
  | { type: 'bytes'; value: string }
  /** ISO 8601 text ('2018-03-01', 'P1Y2M'). */
  | { type: 'temporal'; temporal: TemporalType; value: string }
  | { type: 'point'; value: { srid: number; x: number; y: number; z?: number } }
  | { type: 'list'; value: ConsoleValue[] }
  | { type: 'map'; value: { [key: string]: ConsoleValue } }
  | { type: 'node'; value: GraphNode }
  | { type: 'relationship'; value: GraphEdge }
  | { type: 'path'; value: GraphPath }
  /** A value this API does not know (a newer Neo4j type), as text. */
  | { type: 'unsupported'; value: string };

export interface ConsoleResult {
  columns: string[];
  /** Each row's values, one per column, each with its type (see ConsoleValue). */
  rows: ConsoleValue[][];
  /** Every node and relationship found anywhere in the rows (paths and nested lists included). */
  graph: GraphView;
  rowCount: number;
  /** Rows or graph elements were cut at the limits (maxRows, maxElements). */
  truncated: { rows: boolean; graph: boolean };
  limits: { maxRows: number; maxElements: number; timeoutMs: number };
  /** Milliseconds from sending the query to the last row read. */
  elapsedMs: number;
}

export type * from './changes';
export type * from './edit-model';
export type * from './extract';
