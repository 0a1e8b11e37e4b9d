// The property keys of a sample of one label's nodes, most common first.
// Template: {{label}} is a label the database reported, quoted.
// Parameters: $sample (integer, how many nodes to look at).
// Returns one row per key: key, count.
MATCH (n:{{label}})
WITH n LIMIT $sample
UNWIND keys(n) AS key
RETURN key, count(*) AS count
ORDER BY count DESC, key
