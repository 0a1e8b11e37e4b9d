// Deletes a node that has no relationships left (a change deletes those first, recording each);
// Neo4j refuses to delete one that still has some.
// Parameters: $id (elementId).
// Returns one row: deleted (count).
MATCH (n)
WHERE elementId(n) = $id
DELETE n
RETURN count(*) AS deleted
