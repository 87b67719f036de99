package io.bulkcall.job.launch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import io.bulkcall.job.store.TrackedBatch;

import org.springframework.batch.core.BatchStatus;

/**
 * One job as {@code bulkcall status} shows it: its latest execution and its call progress.
 *
 * @param executionId the id to pass to {@code restart} and {@code cancel}
 * @param batches the job's call batches, for the detailed view
 */
public record JobStatus(
        long executionId,
        long jobInstanceId,
        String file,
        BatchStatus state,
        String exitDescription,
        List<TrackedBatch> batches,
        long completed,
        long failed,
        LocalDateTime started,
        Duration duration) {

    public long batchesFinished() {
        return batches.stream().filter(TrackedBatch::finished).count();
    }

    public int callsScheduled() {
        return batches.stream().mapToInt(TrackedBatch::callsScheduled).sum();
    }

    public int callsFinished() {
        return batches.stream().mapToInt(TrackedBatch::callsFinished).sum();
    }
}
