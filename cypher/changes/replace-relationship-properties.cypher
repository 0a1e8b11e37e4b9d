// Sets a relationship's properties to exactly these (those left out are removed).
// Parameters: $id (elementId), $properties (map).
// Returns one row: relationship, start, end.
MATCH (a)-[r]->(b)
WHERE elementId(r) = $id
SET r = $properties
RETURN r AS relationship, a AS start, b AS end
