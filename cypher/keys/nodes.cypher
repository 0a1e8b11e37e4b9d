// The nodes that stable keys name now: how a shared view reopens after a reseed, which gives every
// node a new elementId but the same key. A key names the node whose `id` it is, else the node it was
// merged into (`formerIds`); a key two nodes share names none (the view then falls back on its
// elementId). Fingraph's own records are never returned.
// Parameters: $keys (list of strings).
// Returns one row per key that names exactly one node: key, id (elementId).
CALL () {
  MATCH (n)
  WHERE n.id IN $keys AND NOT n:_FingraphChange
  RETURN n.id AS key, n, 0 AS rank
  UNION
  MATCH (n)
  WHERE n.formerIds IS :: LIST<STRING NOT NULL> AND NOT n:_FingraphChange
  UNWIND [k IN n.formerIds WHERE k IN $keys] AS key
  RETURN key, n, 1 AS rank
}
WITH key, rank, collect(n) AS nodes
ORDER BY rank
WITH key, collect(nodes)[0] AS nodes
WHERE size(nodes) = 1
RETURN key, elementId(nodes[0]) AS id
