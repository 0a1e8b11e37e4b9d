// The relationship with an elementId (from an API answer of this session), with its two nodes,
// locked for the change's transaction.
// Parameters: $id (elementId).
// Returns at most one row: relationship, start, end.
MATCH (a)-[r]->(b)
WHERE elementId(r) = $id
SET r._fingraphLock = true
REMOVE r._fingraphLock
RETURN r AS relationship, a AS start, b AS end
