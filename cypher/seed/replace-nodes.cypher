// Creates or updates nodes of one label by id; their properties become exactly the given ones
// (`npm run seed -- --reset` and `import --reset`, after emptying the database in the same transaction).
// A static label, so that MERGE finds them through the id constraint's index.
// Template: {{label}}: a label of the model (validated before), quoted.
// Parameters: $nodes (list of {id, properties}).
// Returns one row: written (count).
UNWIND $nodes AS node
MERGE (n:{{label}} {id: node.id})
SET n = node.properties
RETURN count(n) AS written
