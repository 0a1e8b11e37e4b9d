// Every relationship of a node, each once (a loop too), with its two nodes: what goes with the
// node when it is deleted, and what a merge moves.
// Parameters: $id (elementId of the node).
// Returns one row per relationship: relationship, start, end.
MATCH (n)-[r]-()
WHERE elementId(n) = $id
WITH DISTINCT r
MATCH (a)-[r]->(b)
RETURN r AS relationship, a AS start, b AS end
ORDER BY elementId(r)
