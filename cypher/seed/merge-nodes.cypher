// Creates or updates nodes of one label by id, merging: the given properties are set (a null value
// removes that property: the file's `unset`), the others kept; a node that did not exist first gets
// the defaults; the evidence pairs (source, quote) the node lacks are appended to its paired lists
// `sourceIds` and `quotes`, never replacing them.
// A static label, so that MERGE finds them through the id constraint's index (Cypher's dynamic
// $(…) label would scan every node for each row).
// Template: {{label}}: a label of the model (validated before), quoted.
// Parameters: $nodes (list of {id, defaults, properties, evidence: list of {source, quote}}).
// Returns one row: written (count).
UNWIND $nodes AS node
MERGE (n:{{label}} {id: node.id})
ON CREATE SET n += node.defaults
SET n += node.properties
WITH n, node, coalesce(n.sourceIds, []) AS sourceIds, coalesce(n.quotes, []) AS quotes
WITH n, node, sourceIds, quotes, [i IN range(0, size(quotes) - 1) | [sourceIds[i], quotes[i]]] AS had
WITH n, sourceIds, quotes, [e IN node.evidence WHERE NOT [e.source, e.quote] IN had] AS added
SET n.sourceIds = CASE WHEN size(added) = 0 THEN n.sourceIds ELSE sourceIds + [e IN added | e.source] END,
    n.quotes = CASE WHEN size(added) = 0 THEN n.quotes ELSE quotes + [e IN added | e.quote] END
RETURN count(n) AS written
