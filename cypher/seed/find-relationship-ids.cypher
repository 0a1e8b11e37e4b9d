// The relationships of one type that have one of the given ids, with the ids of their ends: an
// import refuses to give an id already used by another relationship (through the type's id
// constraint index where the schema has one).
// Template: {{type}}: a relationship type the database reports, quoted.
// Parameters: $ids (list of strings).
// Returns one row per relationship found: id, from, to.
MATCH (a)-[r:{{type}}]->(b)
WHERE r.id IN $ids
RETURN r.id AS id, a.id AS from, b.id AS to
