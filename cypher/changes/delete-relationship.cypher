// Deletes one relationship.
// Parameters: $id (elementId).
// Returns one row: deleted (count).
MATCH ()-[r]->()
WHERE elementId(r) = $id
DELETE r
RETURN count(*) AS deleted
