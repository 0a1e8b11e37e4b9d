// The start view: the most connected nodes of the database and the relationships among them.
// Works on any database: no label or type is assumed; Fingraph's own records (the change history)
// are left out. Degrees come from the store's counts
// (COUNT { } on a node reads its degree without visiting its relationships).
// Parameters: $limit (integer, how many nodes).
// Returns one row: nodes (list of nodes), relationships (list of relationships between them).
MATCH (n)
WHERE NOT n:_FingraphChange
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, elementId(n)
LIMIT $limit
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE b IN nodes
  RETURN collect(r) AS relationships
}
RETURN nodes, relationships
