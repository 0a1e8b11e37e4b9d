// The property keys of a sample of one type's relationships, most common first.
// Template: {{type}} is a relationship type the database reported, quoted.
// Parameters: $sample (integer, how many relationships to look at).
// Returns one row per key: key, count.
MATCH ()-[r:{{type}}]->()
WITH r LIMIT $sample
UNWIND keys(r) AS key
RETURN key, count(*) AS count
ORDER BY count DESC, key
