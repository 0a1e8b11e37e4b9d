// The relationship with a stable key (its `id`), with its two nodes, locked for the change's
// transaction.
// Parameters: $key (string).
// Returns at most one row: relationship, start, end.
MATCH (a)-[r]->(b)
WHERE r.id = $key
WITH a, r, b LIMIT 1
SET r._fingraphLock = true
REMOVE r._fingraphLock
RETURN r AS relationship, a AS start, b AS end
