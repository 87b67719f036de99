package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A call batch ({@code AgentCallBatch}) as every batch endpoint returns it. {@code recipients} is
 * filled only by Get Call Batch; {@code retryCount} and {@code admittedAt} are absent from older
 * responses and read as 0 and {@code null}.
 */
public record CallBatch(
        String id,
        String name,
        String agentId,
        String fromNumberId,
        String region,
        Integer targetConcurrencyLimit,
        CallBatchStatus status,
        int totalCallsScheduled,
        int totalCallsDispatched,
        int totalCallsFinished,
        int retryCount,
        OffsetDateTime createdAt,
        OffsetDateTime lastUpdatedAt,
        OffsetDateTime scheduledAt,
        OffsetDateTime admittedAt,
        List<CallBatchRecipient> recipients) {

    public CallBatch {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /**
     * Every call the batch will ever place has ended: dispatching is over and each dispatched
     * recipient's latest attempt is terminal. A {@code completed} batch alone is not enough, since
     * Cartesia calls a batch completed once every call is dispatched, not once every call ended.
     */
    public boolean isFinished() {
        return status.isDispatchOver() && totalCallsFinished >= totalCallsDispatched;
    }
}
