/**
 * The change API's shapes (POST /api/changes, history, revert), shared by the server and the client.
 * A change is a list of operations applied in one transaction, with a comment; every node and
 * relationship is named by its stable key (its `id` property), never by an elementId that outlives
 * the request.
 */
import type { GraphEdge, GraphNode, PlainValue } from './index';

/** A property value a change may write: a text, a number, a boolean, or a list of texts or numbers. */
export type ChangeValue = string | number | boolean | string[] | number[];

/**
 * A node or relationship named in a change: its stable key ("tencent"), a key merged into another
 * (resolves to the survivor), a Neo4j elementId from an API answer of this session, or the `ref`
 * of an element created earlier in the same change.
 */
export type ElementRef = string;

/** A new source article: stored as a `Source` node (its text, where given, is what quotes are checked against). */
export interface NewSource {
  ref?: string;
  key?: string;
  title: string;
  publisher: string;
  url: string;
  /** YYYY-MM-DD. */
  published: string;
  text?: string;
}

/** One piece of evidence: a quote from a source (an existing Source by key or ref, or a new one). */
export interface EvidenceInput {
  source: ElementRef | NewSource;
  quote: string;
}

export interface CreateNodeOperation {
  op: 'createNode';
  /** A name for this node inside the change, for later operations to refer to. */
  ref?: string;
  /** The stable key to give it (a slug); derived from the name when omitted. */
  key?: string;
  label: string;
  name: string;
  aliases?: string[];
  properties?: Record<string, ChangeValue>;
}

export interface CreateSourceOperation extends NewSource {
  op: 'createSource';
}

/** What the editor read: each property's value then (null: it had none). A save whose values moved since is refused (409). */
export type ExpectedValues = Record<string, PlainValue>;

export interface EditNodeOperation {
  op: 'editNode';
  node: ElementRef;
  set?: Record<string, ChangeValue>;
  unset?: string[];
  /** The values read before editing, for at least every property set or unset. */
  expected?: ExpectedValues;
}

export interface CreateRelationshipOperation {
  op: 'createRelationship';
  ref?: string;
  key?: string;
  type: string;
  from: ElementRef;
  to: ElementRef;
  properties?: Record<string, ChangeValue>;
  evidence?: EvidenceInput[];
}

export interface EditRelationshipOperation {
  op: 'editRelationship';
  relationship: ElementRef;
  set?: Record<string, ChangeValue>;
  unset?: string[];
  expected?: ExpectedValues;
}

/** New evidence for a relationship already in the graph (a fact an article states again). */
export interface AddEvidenceOperation {
  op: 'addEvidence';
  relationship: ElementRef;
  evidence: EvidenceInput[];
}

export interface DeleteRelationshipOperation {
  op: 'deleteRelationship';
  relationship: ElementRef;
}

export interface DeleteNodeOperation {
  op: 'deleteNode';
  node: ElementRef;
  /** Must be true: a node goes with all its relationships (a refusal lists them). */
  confirm?: boolean;
}

/** Merges `duplicate` into `survivor`: relationships moved, aliases joined, evidence kept; the duplicate's key resolves to the survivor. */
export interface MergeNodesOperation {
  op: 'mergeNodes';
  survivor: ElementRef;
  duplicate: ElementRef;
}

/** An article committed as one change: its source (with its text), its entities and its relationships with their quotes. */
export interface CommitArticleOperation {
  op: 'commitArticle';
  source: Omit<NewSource, 'ref'>;
  /** New entities (with a `ref` for the relationships), or existing ones by `existing` key. */
  entities: Array<{ ref: string; existing?: ElementRef; key?: string; label?: string; name?: string; aliases?: string[]; properties?: Record<string, ChangeValue> }>;
  /** Each with its quote from the article; `existing` adds the quote to a relationship already in the graph. */
  relationships: Array<{ from: string; to: string; type: string; quote: string; properties?: Record<string, ChangeValue>; existing?: ElementRef }>;
}

export type ChangeOperation =
  | CreateNodeOperation
  | CreateSourceOperation
  | EditNodeOperation
  | CreateRelationshipOperation
  | EditRelationshipOperation
  | AddEvidenceOperation
  | DeleteRelationshipOperation
  | DeleteNodeOperation
  | MergeNodesOperation
  | CommitArticleOperation;

/** POST /api/changes. */
export interface ChangeRequest {
  comment: string;
  /** Who makes it, until sign-in exists (else the X-Fingraph-Author header, else "local"). */
  author?: string;
  /** Check and compute everything, then write nothing: the answer says what the change would do. */
  dryRun?: boolean;
  operations: ChangeOperation[];
}

/** A node's or relationship's state as a change saw it; property values typed (integers as {"$int": "42"}). */
export type ElementState =
  | { kind: 'node'; labels: string[]; properties: Record<string, StoredValue> }
  | { kind: 'relationship'; type: string; from: string; to: string; properties: Record<string, StoredValue> };

/** A stored property value: integers tagged so that a revert writes back the same type. */
export type StoredValue =
  | string
  | number
  | boolean
  | { $int: string }
  | { $float: string }
  | StoredTemporal
  | { $point: { srid: number; x: number; y: number; z?: number } }
  | { $bytes: string }
  | StoredValue[];

/** A date, time or duration by its fields (integers as text; null where it has none), with its ISO text. */
export interface StoredTemporal {
  $temporal: 'Date' | 'LocalTime' | 'Time' | 'LocalDateTime' | 'DateTime' | 'Duration';
  fields: Record<string, string | null>;
  text: string;
}

/** One element a change touched: before and after (null: it did not exist / no longer exists). */
export interface ChangedElement {
  kind: 'node' | 'relationship';
  key: string;
  before: ElementState | null;
  after: ElementState | null;
}

export interface ChangeRecord {
  id: string;
  author: string;
  /** ISO 8601. */
  at: string;
  comment: string;
  /** The change this one reverted, if it is a revert. */
  revertOf: string | null;
  elements: ChangedElement[];
}

/** The answer to a change (or its dry run): what it did, and the keys given to each `ref`. */
export interface ChangeResult {
  dryRun: boolean;
  change: ChangeRecord;
  keys: Record<string, string>;
}

/** GET /api/keys/:key: what a stable key names now (a merged-away key names its survivor). */
export type KeyResolution =
  | { kind: 'node'; key: string; node: GraphNode; mergedInto: string | null }
  | { kind: 'relationship'; key: string; relationship: GraphEdge };

/** GET /api/keys/:key/history: the changes that touched it, newest first. */
export interface ElementHistory {
  key: string;
  changes: ChangeRecord[];
}

/** A difference between what a change expected and what the database holds (409s). */
export interface ChangeConflict {
  key: string;
  property?: string;
  expected: PlainValue;
  current: PlainValue;
}
