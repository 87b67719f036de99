package io.bulkcall.job.store;

/**
 * A call batch of a job as the job database knows it. {@code batchId} is {@code null} while the
 * create is in doubt (sent, or about to be, with no answer recorded).
 */
public record TrackedBatch(
        long jobInstanceId,
        int chunkNo,
        String name,
        long firstLine,
        long lastLine,
        int recipients,
        String batchId,
        String status,
        int callsScheduled,
        int callsDispatched,
        int callsFinished,
        int retryCount,
        int retryRounds,
        boolean finished,
        java.time.Instant intentAt) {

    public boolean isCancelled() {
        return "cancelled".equals(status);
    }
}
