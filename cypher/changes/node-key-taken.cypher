// Whether a stable key is taken by a node: as its `id`, or as a key merged into it (`formerIds`).
// Parameters: $key (string).
// Returns one row: taken (boolean).
OPTIONAL MATCH (n)
WHERE (n.id = $key OR $key IN n.formerIds) AND NOT n:_FingraphChange
WITH n LIMIT 1
RETURN n IS NOT NULL AS taken
