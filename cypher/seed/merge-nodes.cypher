// Creates or updates nodes by label and id; their properties become exactly the given ones.
// The labels come from the model's allow-list (validated before), used through Cypher's $(…) form.
// Parameters: $nodes (list of {id, label, properties}).
// Returns one row: written (count).
UNWIND $nodes AS node
MERGE (n:$(node.label) {id: node.id})
SET n = node.properties
RETURN count(n) AS written
