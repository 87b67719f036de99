package io.bulkcall.report;

/**
 * The call batches a job created for one round: round 0 is the first pass (recipients carried over
 * from a window's end included), round {@code n} the batches created to redial the failed recipients
 * that Retry Call Batch could not take.
 *
 * @param batches call batches created for the round
 * @param recipients recipients they were created with
 * @param retries Retry Call Batch requests applied to these batches
 */
record RedialRoundCount(int round, long batches, long recipients, long retries) {
}
