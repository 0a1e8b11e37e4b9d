// Creates or updates relationships by type and id between nodes found by label and id; their
// properties become exactly the given ones. Types and labels come from the model's allow-list.
// Parameters: $relationships (list of {id, type, from, fromLabel, to, toLabel, properties}).
// Returns one row: written (count).
UNWIND $relationships AS rel
MATCH (a:$(rel.fromLabel) {id: rel.from})
MATCH (b:$(rel.toLabel) {id: rel.to})
MERGE (a)-[r:$(rel.type) {id: rel.id}]->(b)
SET r = rel.properties
RETURN count(r) AS written
