// Records a change in Fingraph's history: a `_FingraphChange` node (a label the explorer's schema,
// search, start view and exports never show), connected to nothing; `keys` lists the stable keys
// of the elements it touched, `elements` their states before and after, one JSON text each.
// Parameters: $id, $author, $comment (strings), $revertOf (string or null), $keys (list of
// strings), $elements (list of JSON strings).
// Returns one row: at (ISO 8601 text).
CREATE (c:_FingraphChange {id: $id, author: $author, at: datetime(), comment: $comment, keys: $keys, elements: $elements})
SET c.revertOf = $revertOf
RETURN toString(c.at) AS at
