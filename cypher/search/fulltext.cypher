// Ranked search through a full-text index (Lucene syntax, typo-tolerant terms built by the service).
// Parameters: $index (index name), $query (Lucene query), $label (label to keep, or null),
//   $limit (integer).
// Returns one row per hit: node, score.
CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit * 5}) YIELD node, score
WHERE $label IS NULL OR $label IN labels(node)
RETURN node, score
ORDER BY score DESC
LIMIT $limit
