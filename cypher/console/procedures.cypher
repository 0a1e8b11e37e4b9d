// The procedures the console allows, as this Neo4j declares them, for the console's autocomplete.
// Parameters: $names (list of procedure names).
// Returns one row per procedure: name, signature, returnItems (list of {name, type}).
SHOW PROCEDURES YIELD name, signature, returnDescription
WHERE name IN $names
RETURN name, signature, [item IN returnDescription | {name: item.name, type: item.type}] AS returnItems
ORDER BY name
