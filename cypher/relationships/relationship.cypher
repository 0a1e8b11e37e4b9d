// One relationship with its two nodes, and the Source nodes its sourceIds name (none on databases
// without provenance).
// Parameters: $id (elementId).
// Returns one row, or none: relationship, start, end, sources (list of nodes).
MATCH (a)-[r]->(b)
WHERE elementId(r) = $id
RETURN r AS relationship, a AS start, b AS end,
  CASE WHEN r.sourceIds IS NULL THEN [] ELSE COLLECT { MATCH (s) WHERE s.id IN r.sourceIds AND 'Source' IN labels(s) RETURN s } END AS sources
