// Search through one full-text index (Lucene syntax, typo-tolerant terms built by the service).
// Parameters: $index (index name), $query (Lucene query), $labels (list of labels to keep, or null
//   for all), $limit (integer: candidates to return; the service ranks them).
// Returns one row per hit: node, score.
CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit * 5}) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN node, score
ORDER BY score DESC
LIMIT $limit
