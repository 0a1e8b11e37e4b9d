// The named nodes the graph already has, for extraction to recognise by name or alias (Fingraph's
// Source nodes left out). Names and aliases that are not texts are skipped.
// Parameters: $limit (integer): how many nodes at most.
// Returns one row per node: id (elementId), name (string), label (its first label), aliases (list of strings).
MATCH (n)
WHERE n.name IS :: STRING AND NOT n:Source
RETURN elementId(n) AS id, n.name AS name, head(labels(n)) AS label,
       CASE WHEN n.aliases IS :: LIST<STRING NOT NULL> THEN n.aliases ELSE [] END AS aliases
LIMIT $limit
