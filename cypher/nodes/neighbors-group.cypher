// One slice of a node's neighbours through one relationship type in one direction (one of the
// store's relationship groups of the node), in store order.
// Template: {{pattern}} is a directed pattern with a type, e.g. -[r:`PARTNERS_WITH`]-> or
//   <-[r:`OWNS`]- (a quoted type the database reported).
// Parameters: $id (elementId), $skip (integer offset in the group), $limit (integer).
// Returns one row: relationships, neighbours (in the same order).
MATCH (n)
WHERE elementId(n) = $id
MATCH (n){{pattern}}(m)
WITH r, m SKIP $skip LIMIT $limit
RETURN collect(r) AS relationships, collect(m) AS neighbours
