package io.bulkcall.report;

import java.time.Instant;

/**
 * What the job database knows of a job instance as a whole, for its reports.
 *
 * @param createdAt when its first execution started
 * @param retryRounds the highest redial round any recipient reached
 * @param firstBatchAt when its first call batch was about to be created, {@code null} before any
 * @param batches how many call batches it created or meant to
 */
record JobFacts(Instant createdAt, int retryRounds, Instant firstBatchAt, int batches) {
}
