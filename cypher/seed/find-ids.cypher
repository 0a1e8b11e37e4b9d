// The nodes that already have one of the given ids, with their labels: an import file may refer
// to them without defining them.
// Parameters: $ids (list of strings).
// Returns one row per node found: id, labels.
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, labels(n) AS labels
