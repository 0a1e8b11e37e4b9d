// One node, and its degree for each relationship type and direction (read from the degree store).
// Template: {{degrees}} is a list of COUNT { } expressions, two per type the database reported,
//   in the order of $types (outgoing, then incoming), built by the service from quoted names.
// Parameters: $id (elementId).
// Returns one row, or none: node, degrees (list of integers).
MATCH (n)
WHERE elementId(n) = $id AND NOT n:_FingraphChange
RETURN n AS node, {{degrees}} AS degrees
