// Which of a view's nodes still carry the stable key the view knew them by: looked up by elementId
// (cheap), so that only the others need the search by key (keys/nodes, which reads every node: keys
// may sit on any label). A reseed or an elementId reused after a deletion shows as a key that differs.
// Parameters: $pairs (list of {id: elementId, key: string}).
// Returns one row per pair whose node exists with that key: id.
UNWIND $pairs AS pair
MATCH (n)
WHERE elementId(n) = pair.id AND n.id = pair.key
RETURN pair.id AS id
