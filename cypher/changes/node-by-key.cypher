// The node with a stable key, locked for the change's transaction (a second writer waits until
// this change commits, then reads what it wrote): the node whose `id` is the key, or, when $follow
// is true and none has it, the node it was merged into (its `formerIds` hold the key).
// Fingraph's own records are never returned.
// Parameters: $key (string), $follow (boolean).
// Returns at most one row: node.
CALL () {
  MATCH (n)
  WHERE n.id = $key AND NOT n:_FingraphChange
  RETURN n, 0 AS rank
  UNION
  MATCH (n)
  WHERE $follow AND $key IN n.formerIds AND NOT n:_FingraphChange
  RETURN n, 1 AS rank
}
WITH n ORDER BY rank LIMIT 1
SET n._fingraphLock = true
REMOVE n._fingraphLock
RETURN n AS node
