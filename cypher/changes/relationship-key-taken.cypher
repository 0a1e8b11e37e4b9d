// Whether a stable key is taken by a relationship (relationship keys are unique across types).
// Parameters: $key (string).
// Returns one row: taken (boolean).
OPTIONAL MATCH ()-[r]->()
WHERE r.id = $key
WITH r LIMIT 1
RETURN r IS NOT NULL AS taken
