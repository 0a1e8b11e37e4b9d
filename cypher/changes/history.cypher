// The changes that touched an element (by its stable key), newest first.
// Parameters: $key (string), $limit (integer).
// Returns one row per change: id, author, at, comment, revertOf, elements (list of JSON strings).
MATCH (c:_FingraphChange)
WHERE $key IN c.keys
RETURN c.id AS id, c.author AS author, toString(c.at) AS at, c.comment AS comment, c.revertOf AS revertOf, c.elements AS elements
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
