package io.bulkcall.job.store;

import java.time.Instant;

/**
 * A Cartesia call batch of a job as the job database knows it. {@code batchId} is {@code null} while
 * the create is in doubt (sent, or about to be, with no answer recorded).
 *
 * @param batchNo the batch's number within the job, part of its deterministic name
 * @param recipients how many recipients it was created with
 * @param failed how many of the recipients it holds now failed on their latest attempt
 * @param zones the time zones of its recipients' window ({@code Zones} key), or {@code null} when
 *        calling windows were off
 * @param redialRound the round it was created for, 0 for the first pass
 * @param scheduledAt when it was to start dialing, {@code null} for at once
 * @param closesAt when the window it dials in ends, {@code null} for never: its queued calls are
 *        cancelled the closing margin before
 * @param cancelledAt when bulkcall cancelled it (a window's end, a stop), {@code null} if it did not
 * @param redialDueAt when its failed recipients are due for Retry Call Batch; {@code null} when it is not to be retried
 * @param retryClosed whether it may never be retried: some failed recipient of it went elsewhere, or nowhere
 */
public record TrackedBatch(
        long jobInstanceId,
        int batchNo,
        String name,
        int recipients,
        String batchId,
        String status,
        int callsScheduled,
        int callsDispatched,
        int callsFinished,
        int failed,
        int retryCount,
        boolean finished,
        Instant intentAt,
        String zones,
        int redialRound,
        Instant scheduledAt,
        Instant closesAt,
        Instant cancelledAt,
        Instant redialDueAt,
        boolean retryClosed) {

    /** Its calls queued at Cartesia, not dialed yet: none once it finished or was cancelled. */
    public long queued() {
        return finished || cancelledAt != null ? 0 : Math.max(0, callsScheduled - callsDispatched);
    }

    /**
     * The calls it makes: those it scheduled, or once bulkcall cancelled it, those it dialed; its other
     * recipients were carried to a batch of their own, which counts them.
     */
    public long calls() {
        return cancelledAt != null ? callsDispatched : callsScheduled;
    }

    /** Its calls dialed and not ended yet. */
    public long inFlight() {
        return finished ? 0 : Math.max(0, callsDispatched - callsFinished);
    }

    public boolean isCancelled() {
        return "cancelled".equals(status);
    }

    /** Whether Cartesia may still dial some of its recipients: created, not cancelled, not all dispatched. */
    public boolean mayDialMore() {
        return batchId != null && !finished && cancelledAt == null && !"completed".equals(status)
                && !"cancelled".equals(status) && !"failed".equals(status);
    }
}
