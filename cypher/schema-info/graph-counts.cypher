// Node counts per label and relationship counts per type, from the store's counts (no scan), less
// Fingraph's own records (labels starting with _Fingraph).
// Parameters: none.
// Returns one row: labels (list of {name, count}), types (list of {name, count}).
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
RETURN
  [entry IN data.nodes WHERE entry.label IS NOT NULL AND NOT entry.label STARTS WITH '_Fingraph' | {name: entry.label, count: entry.count}] AS labels,
  [entry IN data.relationships
    WHERE entry.relationshipType IS NOT NULL AND entry.startLabel IS NULL AND entry.endLabel IS NULL
    | {name: entry.relationshipType, count: entry.count}] AS types
