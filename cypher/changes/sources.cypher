// The source articles a new relationship may cite, for the explorer's connect form.
// Parameters: limit (integer).
// Returns one row per Source with a text key, by title: key, title, publisher.
MATCH (s:Source)
WHERE s.id IS :: STRING
RETURN s.id AS key, coalesce(toString(s.title), s.id) AS title, toString(s.publisher) AS publisher
ORDER BY title, key
LIMIT $limit
