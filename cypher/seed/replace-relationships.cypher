// Creates or updates relationships of one type, between nodes of one label and another, by id;
// their properties become exactly the given ones (`--reset`, after emptying the database in the same
// transaction). Static labels, so that both ends are found through the id constraints' indexes.
// Template: {{type}}, {{fromLabel}}, {{toLabel}}: a type and labels of the model (validated before), quoted.
// Parameters: $relationships (list of {id, from, to, properties}).
// Returns one row: written (count).
UNWIND $relationships AS rel
MATCH (a:{{fromLabel}} {id: rel.from})
MATCH (b:{{toLabel}} {id: rel.to})
MERGE (a)-[r:{{type}} {id: rel.id}]->(b)
SET r = rel.properties
RETURN count(r) AS written
