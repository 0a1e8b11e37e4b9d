// The relationships that cite a node as their evidence (its key among their sourceIds): a Source
// they cite cannot be deleted from under them. Relationships whose sourceIds is not a list (another
// database's own property of that name) cite nothing.
// Parameters: $key (the node's stable key), $limit (how many to return at most).
// Returns one row per citing relationship: relationship, start, end.
MATCH (a)-[r]->(b)
WHERE CASE WHEN r.sourceIds IS :: LIST<ANY> THEN $key IN r.sourceIds ELSE false END
RETURN r AS relationship, a AS start, b AS end
ORDER BY elementId(r)
LIMIT $limit
