package io.bulkcall.job.store;

/**
 * A recipient a finished batch holds whose latest attempt failed: what a redial decision needs.
 *
 * @param round the round of the attempt that failed, 0 for the first pass
 * @param endReason the failed call's {@code end_reason}; {@code null} when Cartesia gave none
 * @param agentCallId the call placed; {@code null} when none was
 * @param notRedialed why it is not redialed, when that was decided already
 */
public record FailedMember(long line, String toNumber, int round, String endReason, String agentCallId,
        String notRedialed) {
}
