// Deletes every node and relationship: `npm run seed -- --reset` runs it in the same transaction
// that then writes the seed, so a failure leaves the old data in place.
// Parameters: none. Returns nothing.
MATCH (n)
DETACH DELETE n
