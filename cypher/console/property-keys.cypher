// Every property key the database has used, for the console's autocomplete.
// Parameters: none.
// Returns one row: keys (list of strings).
CALL db.propertyKeys() YIELD propertyKey
RETURN collect(propertyKey) AS keys
