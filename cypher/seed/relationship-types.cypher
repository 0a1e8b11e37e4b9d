// The relationship types the database has: an import looks in each for the relationship ids it
// writes (ids are unique across types).
// Parameters: none.
// Returns one row per type: type.
CALL db.relationshipTypes() YIELD relationshipType
RETURN relationshipType AS type
