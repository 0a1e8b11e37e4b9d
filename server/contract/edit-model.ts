/**
 * GET /api/changes/model: what the explorer's edit forms offer. On the fintech dataset, the labels
 * and relationship types of seed/model.yaml (which labels each type joins) and evidence required;
 * on any other database, free names (the forms suggest the schema's) and evidence optional.
 */
export interface EditModel {
  kind: 'fintech' | 'free';
  /** The labels a new entity may have (empty: free, any valid name). */
  labels: Array<{ name: string; meaning: string }>;
  /** The relationship types a connection may have, with the labels at each end (empty: free). */
  relationshipTypes: Array<{ type: string; meaning: string; from: string[]; to: string[]; symmetric: boolean }>;
  /** Whether a new relationship must cite a source and a quote. */
  evidenceRequired: boolean;
  /** The Source articles a relationship may cite (by key), by title; at most 500. */
  sources: Array<{ key: string; title: string; publisher: string | null }>;
}
