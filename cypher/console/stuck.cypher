// The console transactions of the given requests that Neo4j still lists, for the console watchdog:
// one still here well past its time limit ignores termination (an expression that never checks it).
// Parameters: $requests (list of request ids, as the transactions' metadata carries them).
// Returns one row per transaction: transactionId, request, client (address that sent the query, or
// null), startTime (ISO text), elapsedMs (integer), status (Running, Terminated with reason...).
SHOW TRANSACTIONS YIELD transactionId, metaData, startTime, elapsedTime, status
WHERE metaData.app = 'fingraph-console' AND metaData.request IN $requests
RETURN transactionId, metaData.request AS request, metaData.client AS client, startTime,
       elapsedTime.milliseconds AS elapsedMs, status
