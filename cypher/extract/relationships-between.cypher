// The relationships between the given nodes, so that a fact extraction finds again is proposed as
// evidence for the relationship the graph has rather than as a duplicate.
// Parameters: $ids (list of elementIds); $limit (integer).
// Returns one row per relationship: id (elementId), type, fromId and toId (elementIds of its start and end).
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $ids AND elementId(b) IN $ids
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS fromId, elementId(b) AS toId
LIMIT $limit
