// Whether a node with this elementId exists.
// Parameters: $id (elementId).
// Returns one row: found (boolean).
OPTIONAL MATCH (n) WHERE elementId(n) = $id AND NOT n:_FingraphChange
RETURN n IS NOT NULL AS found
