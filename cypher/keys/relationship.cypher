// The relationship a stable key names (its `id`).
// Parameters: $key (string).
// Returns at most one row: relationship.
MATCH ()-[r]->()
WHERE r.id = $key
RETURN r AS relationship
LIMIT 1
