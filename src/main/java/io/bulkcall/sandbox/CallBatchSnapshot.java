package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one call batch held by a {@link SandboxServer}, for tests to inspect. Immutable; it
 * does not change as the batch progresses.
 *
 * @param id the batch id, {@code acb_…}
 * @param name the name it was created with
 * @param agentId the agent it was created for
 * @param status its status as the API reports it: {@code pending}, {@code in_progress},
 *        {@code completed} or {@code cancelled}
 * @param targetConcurrencyLimit its reservation against the organization's limit
 * @param retryCount Retry Call Batch requests that re-queued at least one recipient
 * @param cancelRequests Cancel Call Batch requests applied to it, repeated ones included
 * @param createdAt when it was created
 * @param scheduledAt when it was scheduled to start, {@code null} if immediately
 * @param admittedAt when it first reserved capacity and started dialing, {@code null} if not yet
 * @param recipients its recipients, in the order they were sent
 */
public record CallBatchSnapshot(
        String id,
        String name,
        String agentId,
        String status,
        int targetConcurrencyLimit,
        int retryCount,
        int cancelRequests,
        Instant createdAt,
        Instant scheduledAt,
        Instant admittedAt,
        List<RecipientSnapshot> recipients) {

    public CallBatchSnapshot {
        recipients = List.copyOf(recipients);
    }

    /** The recipients' numbers, in the order they were sent. */
    public List<String> toNumbers() {
        return recipients.stream().map(RecipientSnapshot::toNumber).toList();
    }
}
