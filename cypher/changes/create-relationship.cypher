// Creates a relationship of a type between two nodes, with exactly these properties. The type is
// Cypher 5's dynamic $(…) form: a value, never text in the query.
// Parameters: $from, $to (elementIds of the nodes), $type (string), $properties (map).
// Returns one row: relationship, start, end.
MATCH (a)
WHERE elementId(a) = $from
MATCH (b)
WHERE elementId(b) = $to
CREATE (a)-[r:$($type)]->(b)
SET r = $properties
RETURN r AS relationship, a AS start, b AS end
