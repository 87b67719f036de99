package io.bulkcall.sandbox;

/**
 * The endpoints a {@link SandboxServer} serves, for counting requests and planning faults.
 */
public enum SandboxEndpoint {

    /** {@code POST /agents/calls/batches} */
    CREATE_BATCH,

    /** {@code GET /agents/calls/batches} */
    LIST_BATCHES,

    /** {@code GET /agents/calls/batches/{batch_id}} */
    GET_BATCH,

    /** {@code POST /agents/calls/batches/{batch_id}/retry} */
    RETRY_BATCH,

    /** {@code POST /agents/calls/batches/{batch_id}/cancel} */
    CANCEL_BATCH,

    /** {@code GET /agents/calls/{call_id}} */
    GET_CALL,

    /** {@code GET /agents/calls}: List Calls, one entry per call attempt */
    LIST_CALLS
}
