// One page of a node's neighbours with the connecting relationships, and how many there are in all.
// Pages follow the store's order of the node's relationships (no sort over all of them), so the
// cost of a page does not grow with the node's degree beyond the offset walked.
// Template: {{pattern}} is the relationship pattern, e.g. -[r:`PARTNERS_WITH`]-> or <-[r]-,
//   {{labelFilter}} is empty or WHERE m:`Bank` (quoted names the database reported).
// Parameters: $id (elementId), $skip (integer offset), $limit (integer page size).
// Returns one row: total, relationships, neighbours (in the same order), or no row for an unknown id.
MATCH (n)
WHERE elementId(n) = $id
CALL (n) {
  MATCH (n){{pattern}}(m)
  {{labelFilter}}
  WITH r, m SKIP $skip LIMIT $limit
  RETURN collect(r) AS relationships, collect(m) AS neighbours
}
RETURN COUNT { MATCH (n){{pattern}}(m) {{labelFilter}} } AS total, relationships, neighbours
