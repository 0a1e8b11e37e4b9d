// The node with an elementId (from an API answer of this session), locked for the change's
// transaction. Fingraph's own records are never returned.
// Parameters: $id (elementId).
// Returns at most one row: node.
MATCH (n)
WHERE elementId(n) = $id AND NOT n:_FingraphChange
SET n._fingraphLock = true
REMOVE n._fingraphLock
RETURN n AS node
