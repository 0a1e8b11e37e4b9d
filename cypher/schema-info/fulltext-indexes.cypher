// The online full-text indexes over nodes, for search.
// Parameters: none.
// Returns one row per index: name, labels, properties.
SHOW FULLTEXT INDEXES YIELD name, entityType, labelsOrTypes, properties, state
WHERE entityType = 'NODE' AND state = 'ONLINE'
RETURN name, labelsOrTypes AS labels, properties
ORDER BY name
