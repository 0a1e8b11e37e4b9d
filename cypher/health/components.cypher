// The Neo4j server's product name, version and edition, for /api/health.
// Parameters: none.
// Returns one row: name, version, edition.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
