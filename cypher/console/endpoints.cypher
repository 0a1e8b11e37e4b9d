// The nodes at the ends of relationships that a console query returned without them, so that the
// result can be drawn (as Neo4j Browser does).
// Parameters: $ids (list of elementIds).
// Returns one row: nodes (the nodes of $ids that exist).
MATCH (n)
WHERE elementId(n) IN $ids
RETURN collect(n) AS nodes
