// Stops transactions (a console query whose request the user closed).
// Parameters: $ids (list of transaction ids).
// Returns one row per transaction: transactionId, message.
TERMINATE TRANSACTIONS $ids
YIELD transactionId, message
RETURN transactionId, message
