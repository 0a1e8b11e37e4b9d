// All the shortest paths between two nodes, in either direction, up to a number of hops.
// Template: {{types}} is empty (every type) or :`A`|`B` (types the database reported, quoted);
//   {{maxHops}} is a whole number from 1 to 10 (Cypher takes no parameter in either place).
// Parameters: $from, $to (elementIds), $cap (integer, most paths returned).
// Returns one row per path: path.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH path = allShortestPaths((a)-[{{types}}*..{{maxHops}}]-(b))
RETURN path
LIMIT $cap
