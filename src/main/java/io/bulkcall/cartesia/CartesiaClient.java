package io.bulkcall.cartesia;

import java.util.stream.Stream;

/**
 * The Cartesia Call Batches API and Get Call, on Spring's WebClient.
 * SKELETON: signatures agreed; bodies to be written.
 */
public class CartesiaClient {

    /** Create Call Batch. Checks the request first; never re-sends one whose outcome is unknown. */
    public CallBatch createCallBatch(CreateCallBatchRequest request) {
        throw new UnsupportedOperationException();
    }

    /** Get Call Batch, with its recipients. */
    public CallBatch getCallBatch(String batchId) {
        throw new UnsupportedOperationException();
    }

    /** One page of List Call Batches for an agent, newest first. */
    public CallBatchPage listCallBatches(String agentId, String startingAfter, int limit) {
        throw new UnsupportedOperationException();
    }

    /** Every batch of an agent, newest first, fetching pages lazily as the stream is consumed. */
    public Stream<CallBatch> listAllCallBatches(String agentId) {
        throw new UnsupportedOperationException();
    }

    /** Retry Call Batch. Never re-sent when its outcome is unknown. */
    public CallBatch retryCallBatch(String batchId) {
        throw new UnsupportedOperationException();
    }

    /** Cancel Call Batch (idempotent). */
    public CallBatch cancelCallBatch(String batchId) {
        throw new UnsupportedOperationException();
    }

    /** Get Call. */
    public AgentCall getCall(String callId) {
        throw new UnsupportedOperationException();
    }
}
