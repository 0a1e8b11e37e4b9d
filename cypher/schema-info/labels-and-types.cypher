// The database's labels and relationship types, as the database reports them.
// Parameters: none.
// Returns one row: labels (list of strings), types (list of strings).
CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
RETURN labels, collect(relationshipType) AS types
