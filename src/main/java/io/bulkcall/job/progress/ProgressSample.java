package io.bulkcall.job.progress;

import java.time.Instant;

/**
 * How many of a job's calls had finished at one poll, as List Call Batches told it.
 *
 * @param callsDone calls whose latest attempt reached a terminal state, over all the job's batches
 */
record ProgressSample(Instant at, long callsDone) {
}
