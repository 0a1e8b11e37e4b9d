// The transactions of one console request still running, to stop them when the user cancels it.
// Parameters: $request (the request id in the transaction's metadata).
// Returns one row: ids (list of transaction ids).
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.request = $request
RETURN collect(transactionId) AS ids
