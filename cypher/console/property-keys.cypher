// Every property key the database has used, for the console's autocomplete, less the one the change
// API uses only to lock an element for its transaction (_fingraphLock, never stored).
// Parameters: none.
// Returns one row: keys (list of strings).
CALL db.propertyKeys() YIELD propertyKey
WHERE propertyKey <> '_fingraphLock'
RETURN collect(propertyKey) AS keys
