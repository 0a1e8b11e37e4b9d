// The property keys of a sample of one label's nodes, most common first, and the labels those
// nodes carry (to tell which other label every one of them has, e.g. a full-text index's label).
// Template: {{label}} is a label the database reported, quoted.
// Parameters: $sample (integer, how many nodes to look at).
// Returns one row per key or label: kind ('key' or 'label'), key (the name), count.
MATCH (n:{{label}})
WITH n LIMIT $sample
UNWIND [key IN keys(n) | ['key', key]] + [other IN labels(n) | ['label', other]] AS item
RETURN item[0] AS kind, item[1] AS key, count(*) AS count
ORDER BY kind, count DESC, key
