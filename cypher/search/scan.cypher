// Search without a full-text index: reads at most $examine nodes of one label and keeps those whose
// search properties match the text as server/services/search-rank.ts defines it (contains it; or,
// with 4 characters or more, within one edit of the whole value or of one of its words; or every
// typed word starts a word of the value or is one edit from one). Case is ignored; lists count by
// element. The best first (exact, prefix, then the rest; shorter first), at most $candidates.
// $textGroups and $wordGroups are a cheap test first (search-plan.ts scanGroups): a value that
// matches contains every part of one text group, or of one group of each word; only those values
// are compared character by character.
// Template: {{label}} is a label the database reported, quoted.
// Parameters: $keys (property names), $text (the text, lower-case, spaces collapsed), $words (its
//   words), $textGroups (list of lists of strings), $wordGroups (one such list per word), $fuzzyMin (integer, 4), $examine (integer), $candidates (integer).
// Returns one row per candidate: node.
MATCH (n:{{label}})
WITH n LIMIT $examine
WITH n, [value IN reduce(found = [], key IN $keys |
      found + CASE WHEN n[key] IS NULL THEN [] WHEN n[key] IS :: LIST<ANY> THEN [item IN n[key] | toStringOrNull(item)] ELSE [toStringOrNull(n[key])] END)
    WHERE value IS NOT NULL | toLower(trim(value))] AS values
WITH n, [v IN values WHERE CASE
  WHEN NOT (any(group IN $textGroups WHERE all(part IN group WHERE v CONTAINS part))
    OR all(word IN $wordGroups WHERE any(group IN word WHERE all(part IN group WHERE v CONTAINS part)))) THEN false
  WHEN v CONTAINS $text THEN true
  ELSE (size($text) >= $fuzzyMin AND any(pair IN [[v, $text]] + [w IN split(v, ' ') | [w, $text]] WHERE
      (size(pair[0]) = size(pair[1]) AND size([i IN range(0, size(pair[0]) - 1) WHERE substring(pair[0], i, 1) <> substring(pair[1], i, 1)]) <= 1)
      OR (size(pair[0]) = size(pair[1]) AND any(i IN range(0, size(pair[0]) - 2) WHERE left(pair[0], i) + substring(pair[0], i + 1, 1) + substring(pair[0], i, 1) + substring(pair[0], i + 2) = pair[1]))
      OR (size(pair[0]) = size(pair[1]) + 1 AND any(i IN range(0, size(pair[0]) - 1) WHERE left(pair[0], i) + substring(pair[0], i + 1) = pair[1]))
      OR (size(pair[1]) = size(pair[0]) + 1 AND any(i IN range(0, size(pair[1]) - 1) WHERE left(pair[1], i) + substring(pair[1], i + 1) = pair[0]))))
  OR all(q IN $words WHERE any(w IN split(v, ' ') WHERE w STARTS WITH q
    OR (size(q) >= $fuzzyMin AND (
      (size(w) = size(q) AND size([i IN range(0, size(q) - 1) WHERE substring(w, i, 1) <> substring(q, i, 1)]) <= 1)
      OR (size(w) = size(q) AND any(i IN range(0, size(q) - 2) WHERE left(w, i) + substring(w, i + 1, 1) + substring(w, i, 1) + substring(w, i + 2) = q))
      OR (size(w) = size(q) + 1 AND any(i IN range(0, size(w) - 1) WHERE left(w, i) + substring(w, i + 1) = q))
      OR (size(q) = size(w) + 1 AND any(i IN range(0, size(q) - 1) WHERE left(q, i) + substring(q, i + 1) = w))))))
  END
] AS matched
WHERE size(matched) > 0
WITH n, reduce(best = 1, v IN matched | CASE WHEN v = $text THEN 3 WHEN v STARTS WITH $text AND best < 3 THEN 2 ELSE best END) AS tier,
  reduce(shortest = 1000000, v IN matched | CASE WHEN size(v) < shortest THEN size(v) ELSE shortest END) AS length
RETURN n AS node
ORDER BY tier DESC, length
LIMIT $candidates
