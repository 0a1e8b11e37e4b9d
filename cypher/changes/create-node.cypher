// Creates a node with labels and exactly these properties. Labels are Cypher 5's dynamic $(…)
// form: values, never text in the query (they were checked against the model or as plain names).
// Parameters: $labels (list of strings), $properties (map).
// Returns one row: node.
CREATE (n:$($labels))
SET n = $properties
RETURN n AS node
