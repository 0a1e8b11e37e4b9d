// Search without a full-text index: nodes whose naming properties contain the text, ignoring case.
// Scans the nodes (the fallback for databases without an index), stopping at $candidates.
// Parameters: $keys (property names to look in), $text (lower-case text), $label (or null),
//   $candidates (integer).
// Returns one row per candidate: node.
MATCH (n)
WHERE ($label IS NULL OR $label IN labels(n))
  AND any(key IN $keys WHERE n[key] IS NOT NULL AND toLower(toString(n[key])) CONTAINS $text)
RETURN n AS node
LIMIT $candidates
