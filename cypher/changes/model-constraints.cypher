// The labels that have a uniqueness constraint on `id`: the database is on Fingraph's model when
// every label of seed/model.yaml has one (cypher/schema.cypher made them; a database Fingraph did
// not create has none of them, and its labels, types and properties are then free).
// Parameters: none.
// Returns one row per such label: label.
SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
WHERE entityType = 'NODE' AND type IN ['UNIQUENESS', 'NODE_KEY'] AND properties = ['id'] AND size(labelsOrTypes) = 1
RETURN labelsOrTypes[0] AS label
