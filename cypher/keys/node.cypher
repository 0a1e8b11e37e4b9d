// The node a stable key names: the node whose `id` it is, else the node it was merged into (its
// `formerIds` hold it). Fingraph's own records are never returned.
// Parameters: $key (string).
// Returns at most one row: node, merged (true when found through formerIds).
CALL () {
  MATCH (n)
  WHERE n.id = $key AND NOT n:_FingraphChange
  RETURN n, false AS merged
  UNION
  MATCH (n)
  WHERE $key IN n.formerIds AND NOT n:_FingraphChange
  RETURN n, true AS merged
}
RETURN n AS node, merged
ORDER BY merged
LIMIT 1
