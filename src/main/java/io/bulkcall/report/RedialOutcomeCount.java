package io.bulkcall.report;

/**
 * The recipients a job decided to redial in one round after one outcome.
 *
 * @param round the round they were redialed in
 * @param outcome how the attempt before failed, as {@code bulkcall.redial.outcomes} names it
 */
record RedialOutcomeCount(int round, String outcome, long recipients) {
}
