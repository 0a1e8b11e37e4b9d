// One page of a node's neighbours with the connecting relationships, and how many there are in all.
// The page is read here, in the store's order of the node's relationships (no sort), only when the
// total is at most $walkLimit, so a page never walks more than that; a denser node gets no rows
// and is paged by relationship group instead (neighbors-group.cypher).
// Template: {{pattern}} is the relationship pattern, e.g. -[r:`PARTNERS_WITH`]-> or <-[r]-,
//   {{labelFilter}} is empty or WHERE m:`Bank` (quoted names the database reported),
//   {{groupSizes}} is a list of COUNT { } degree lookups, one per relationship group (type and
//   direction) the page may read, or [] with a label filter.
// Parameters: $id (elementId), $skip (integer offset), $limit (integer page size),
//   $walkLimit (integer, or null for no limit).
// Returns one row: total, groupSizes, relationships, neighbours (in the same order), or no row for
// an unknown id.
MATCH (n)
WHERE elementId(n) = $id
WITH n, COUNT { MATCH (n){{pattern}}(m) {{labelFilter}} } AS total
CALL (n, total) {
  WITH n
  WHERE $walkLimit IS NULL OR total <= $walkLimit
  MATCH (n){{pattern}}(m)
  {{labelFilter}}
  WITH r, m SKIP $skip LIMIT $limit
  RETURN collect(r) AS relationships, collect(m) AS neighbours
}
RETURN total, {{groupSizes}} AS groupSizes, relationships, neighbours
