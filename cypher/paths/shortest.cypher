// All the shortest paths between two nodes, up to a number of hops, following relationships of some
// types in one direction or either.
// Template: {{types}} is empty (every type) or :`A`|`B` (types the database reported, quoted);
//   {{left}}{{right}} is -…-> (from $from outwards), <-…- (into $from) or -…- (either way);
//   {{maxHops}} is a whole number from 1 to 10 (Cypher takes no parameter in these places).
// Parameters: $from, $to (elementIds), $cap (integer, most paths returned).
// Returns one row per path: path.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH path = allShortestPaths((a){{left}}[{{types}}*..{{maxHops}}]{{right}}(b))
RETURN path
LIMIT $cap
