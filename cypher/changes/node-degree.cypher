// How many relationships a node has.
// Parameters: $id (elementId).
// Returns one row: degree (count).
MATCH (n)
WHERE elementId(n) = $id
RETURN COUNT { (n)--() } AS degree
