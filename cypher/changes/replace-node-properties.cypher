// Sets a node's properties to exactly these (those left out are removed).
// Parameters: $id (elementId), $properties (map).
// Returns one row: node.
MATCH (n)
WHERE elementId(n) = $id
SET n = $properties
RETURN n AS node
