// The database's labels and relationship types, as the database reports them, less Fingraph's own
// records (labels starting with _Fingraph: the change history).
// Parameters: none.
// Returns one row: labels (list of strings), types (list of strings).
CALL db.labels() YIELD label
WHERE NOT label STARTS WITH '_Fingraph'
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
RETURN labels, collect(relationshipType) AS types
