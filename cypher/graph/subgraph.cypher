// Nodes by elementId and the relationships that join them: what the explorer needs to reopen a
// shared view, or to connect nodes just added to the ones already on the canvas.
// Parameters: $ids (list of elementIds: every node of the view), $focus (list of elementIds, a
// subset of $ids: only relationships touching one of these are returned), $cap (integer, the most
// relationships to return).
// Returns one row: nodes (the nodes of $ids that exist), relationships (between a focus node and
// any node of $ids, each once), more (true when there were more than $cap).
MATCH (n)
WHERE elementId(n) IN $ids AND NOT n:_FingraphChange
WITH collect(n) AS nodes
CALL (nodes) {
  MATCH (a)
  WHERE elementId(a) IN $focus
  MATCH (a)-[r]-(b)
  WHERE elementId(b) IN $ids
  WITH DISTINCT r
  LIMIT $cap + 1
  RETURN collect(r) AS relationships
}
RETURN nodes, relationships[0..$cap] AS relationships, size(relationships) > $cap AS more
