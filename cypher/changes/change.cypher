// One change of the history, by its id.
// Parameters: $id (string).
// Returns at most one row: id, author, at, comment, revertOf, elements (list of JSON strings).
MATCH (c:_FingraphChange {id: $id})
RETURN c.id AS id, c.author AS author, toString(c.at) AS at, c.comment AS comment, c.revertOf AS revertOf, c.elements AS elements
