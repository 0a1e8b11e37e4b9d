// Whether the database holds any node at all: `npm start` loads the seed only into an empty database.
// Parameters: none.
// Returns one row: nodes (0 or 1).
MATCH (n)
WITH n LIMIT 1
RETURN count(n) AS nodes
