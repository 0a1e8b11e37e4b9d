// Creates or updates relationships of one type, between nodes of one label and another, by id,
// merging: the given properties are set (a null value removes that property: the file's `unset`),
// the others kept; the evidence pairs (source, quote) it lacks are appended to its paired lists
// `sourceIds` and `quotes`, never replacing them. Static labels, so that both ends are found through
// the id constraints' indexes (Cypher's dynamic $(…) labels would scan every node for each row).
// Template: {{type}}, {{fromLabel}}, {{toLabel}}: a type and labels of the model (validated before), quoted.
// Parameters: $relationships (list of {id, from, to, properties, evidence: list of {source, quote}}).
// Returns one row: written (count).
UNWIND $relationships AS rel
MATCH (a:{{fromLabel}} {id: rel.from})
MATCH (b:{{toLabel}} {id: rel.to})
MERGE (a)-[r:{{type}} {id: rel.id}]->(b)
SET r += rel.properties
WITH r, rel, coalesce(r.sourceIds, []) AS sourceIds, coalesce(r.quotes, []) AS quotes
WITH r, rel, sourceIds, quotes, [i IN range(0, size(quotes) - 1) | [sourceIds[i], quotes[i]]] AS had
WITH r, sourceIds, quotes, [e IN rel.evidence WHERE NOT [e.source, e.quote] IN had] AS added
SET r.sourceIds = sourceIds + [e IN added | e.source], r.quotes = quotes + [e IN added | e.quote]
RETURN count(r) AS written
