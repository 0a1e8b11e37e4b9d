/**
 * What each query of cypher/ takes and returns, keyed by its name: the parameters it needs and the
 * shape of one of its records, in the driver's own types (the header of each .cypher file says the
 * same in words). `Database.read(name, parameters)` checks the parameters against this map and
 * gives records whose `get(key)` is typed, so services need no casts.
 */
import type { Integer, Node, Path, Relationship } from 'neo4j-driver';
import type { QueryName } from './queries';

/** A whole number as a query parameter (neo4j.int, see convert.ts `integer`). */
type Int = Integer;
/** A count or degree as Neo4j returns it. */
type Count = Integer;
/** A quote and the id of the Source it comes from, as the seed writer passes them. */
type Evidence = { source: string; quote: string };
/** A change of Fingraph's history as stored: its elements as JSON texts. */
type StoredChange = { id: string; author: string; at: string; comment: string; revertOf: string | null; elements: string[] };

export interface QueryTypes {
  'health/components': { parameters: Record<string, never>; record: { name: string; version: string; edition: string } };
  'graph/start-view': { parameters: { limit: Int }; record: { nodes: Node[]; relationships: Relationship[] } };
  'graph/subgraph': { parameters: { ids: string[]; focus: string[]; cap: Int }; record: { nodes: Node[]; relationships: Relationship[]; more: boolean } };
  'schema-info/labels-and-types': { parameters: Record<string, never>; record: { labels: string[]; types: string[] } };
  'schema-info/graph-counts': { parameters: Record<string, never>; record: { labels: Array<{ name: string; count: Count }>; types: Array<{ name: string; count: Count }> } };
  'schema-info/type-properties': { parameters: { sample: Int }; record: { key: string; count: Count } };
  'schema-info/fulltext-indexes': { parameters: Record<string, never>; record: { name: string; labels: string[]; properties: string[] } };
  'schema-info/label-properties': { parameters: { sample: Int }; record: { kind: 'key' | 'label'; key: string; count: Count } };
  'search/fulltext': { parameters: { index: string; query: string; labels: string[] | null; limit: Int }; record: { node: Node; score: number } };
  'search/scan': {
    parameters: { keys: string[]; text: string; words: string[]; textGroups: string[][]; wordGroups: string[][][]; fuzzyMin: Int; examine: Int; candidates: Int };
    record: { node: Node };
  };
  'nodes/node': { parameters: { id: string }; record: { node: Node; degrees: Count[] } };
  'nodes/exists': { parameters: { id: string }; record: { found: boolean } };
  'nodes/neighbors': {
    parameters: { id: string; skip: Int; limit: Int; walkLimit: Int | null };
    record: { total: Count; groupSizes: Count[]; relationships: Relationship[]; neighbours: Node[] };
  };
  'nodes/neighbors-group': { parameters: { id: string; skip: Int; limit: Int }; record: { relationships: Relationship[]; neighbours: Node[] } };
  'relationships/relationship': { parameters: { id: string }; record: { relationship: Relationship; start: Node; end: Node; sources: Node[] } };
  'paths/shortest': { parameters: { from: string; to: string; cap: Int }; record: { path: Path } };
  'console/property-keys': { parameters: Record<string, never>; record: { keys: string[] } };
  'console/functions': { parameters: Record<string, never>; record: { name: string; signature: string } };
  'console/procedures': { parameters: { names: string[] }; record: { name: string; signature: string; returnItems: Array<{ name: string; type: string }> } };
  'console/endpoints': { parameters: { ids: string[] }; record: { nodes: Node[] } };
  'console/running': { parameters: { request: string }; record: { ids: string[] } };
  'console/terminate': { parameters: { ids: string[] }; record: { transactionId: string; message: string } };
  'console/stuck': {
    parameters: { requests: string[] };
    record: { transactionId: string; request: string; client: string | null; startTime: string; elapsedMs: Integer; status: string };
  };
  'extract/known-entities': { parameters: { limit: Int }; record: { id: string; name: string; label: string | null; aliases: string[] } };
  'extract/relationships-between': { parameters: { ids: string[]; limit: Int }; record: { id: string; type: string; fromId: string; toId: string } };
  'seed/count-nodes': { parameters: Record<string, never>; record: { nodes: Count } };
  'seed/delete-all': { parameters: Record<string, never>; record: Record<string, never> };
  'seed/find-ids': { parameters: { ids: string[] }; record: { id: string; labels: string[] } };
  'seed/merge-nodes': { parameters: { nodes: Array<{ id: string; defaults: Record<string, unknown>; properties: Record<string, unknown>; evidence: Evidence[] }> }; record: { written: Count } };
  'seed/merge-relationships': {
    parameters: { relationships: Array<{ id: string; from: string; to: string; properties: Record<string, unknown>; evidence: Evidence[] }> };
    record: { written: Count };
  };
  'seed/replace-nodes': { parameters: { nodes: Array<{ id: string; properties: Record<string, unknown> }> }; record: { written: Count } };
  'seed/replace-relationships': { parameters: { relationships: Array<{ id: string; from: string; to: string; properties: Record<string, unknown> }> }; record: { written: Count } };
  'seed/relationship-types': { parameters: Record<string, never>; record: { type: string } };
  'seed/find-relationship-ids': { parameters: { ids: string[] }; record: { id: string; from: string; to: string } };
  'changes/model-constraints': { parameters: Record<string, never>; record: { label: string } };
  'changes/sources': { parameters: { limit: Int }; record: { key: string; title: string; publisher: string | null } };
  'changes/node-by-key': { parameters: { key: string; follow: boolean }; record: { node: Node } };
  'changes/node-by-element-id': { parameters: { id: string }; record: { node: Node } };
  'changes/relationship-by-key': { parameters: { key: string }; record: { relationship: Relationship; start: Node; end: Node } };
  'changes/relationship-by-element-id': { parameters: { id: string }; record: { relationship: Relationship; start: Node; end: Node } };
  'changes/node-relationships': { parameters: { id: string }; record: { relationship: Relationship; start: Node; end: Node } };
  'changes/citing-relationships': { parameters: { key: string; limit: Int }; record: { relationship: Relationship; start: Node; end: Node } };
  'changes/node-key-taken': { parameters: { key: string }; record: { taken: boolean } };
  'changes/relationship-key-taken': { parameters: { key: string }; record: { taken: boolean } };
  'changes/create-node': { parameters: { labels: string[]; properties: Record<string, unknown> }; record: { node: Node } };
  'changes/replace-node-properties': { parameters: { id: string; properties: Record<string, unknown> }; record: { node: Node } };
  'changes/delete-node': { parameters: { id: string }; record: { deleted: Count } };
  'changes/node-degree': { parameters: { id: string }; record: { degree: Count } };
  'changes/create-relationship': { parameters: { from: string; to: string; type: string; properties: Record<string, unknown> }; record: { relationship: Relationship; start: Node; end: Node } };
  'changes/replace-relationship-properties': { parameters: { id: string; properties: Record<string, unknown> }; record: { relationship: Relationship; start: Node; end: Node } };
  'changes/delete-relationship': { parameters: { id: string }; record: { deleted: Count } };
  'changes/record-change': { parameters: { id: string; author: string; comment: string; revertOf: string | null; keys: string[]; elements: string[] }; record: { at: string } };
  'changes/change': { parameters: { id: string }; record: StoredChange };
  'changes/history': { parameters: { key: string; limit: Int }; record: StoredChange };
  'keys/node': { parameters: { key: string }; record: { node: Node; merged: boolean } };
  'keys/relationship': { parameters: { key: string }; record: { relationship: Relationship } };
  'keys/nodes': { parameters: { keys: string[] }; record: { key: string; id: string } };
  'keys/unchanged': { parameters: { pairs: Array<{ id: string; key: string }> }; record: { id: string } };
}

/** Every query of QUERY_NAMES has its entry here (a compile error names the one missing). */
type Missing = Exclude<QueryName, keyof QueryTypes>;
const everyQueryTyped: [Missing] extends [never] ? true : Missing = true;
void everyQueryTyped;

export type QueryParameters<N extends keyof QueryTypes> = QueryTypes[N]['parameters'];
export type QueryRecord<N extends keyof QueryTypes> = QueryTypes[N]['record'];
