// The Cypher functions this Neo4j offers, for the console's autocomplete.
// Parameters: none.
// Returns one row per function: name, signature.
SHOW FUNCTIONS YIELD name, signature
RETURN name, signature
ORDER BY name
