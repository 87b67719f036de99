package io.bulkcall.sandbox;

/**
 * How one call attempt ends, drawn when the recipient is dispatched.
 *
 * @param kind whether the attempt fails before dialing, goes unanswered or is answered
 * @param endReason the call's {@code end_reason}; {@code null} when no call is placed
 * @param errorMessage why no call could be placed; {@code null} otherwise
 */
record CallOutcome(Kind kind, String endReason, String errorMessage) {

    enum Kind {
        FAILED_BEFORE_DIALING, UNANSWERED, ANSWERED
    }

    static CallOutcome failedBeforeDialing(String errorMessage) {
        return new CallOutcome(Kind.FAILED_BEFORE_DIALING, null, errorMessage);
    }

    static CallOutcome unanswered(String endReason) {
        return new CallOutcome(Kind.UNANSWERED, endReason, null);
    }

    static CallOutcome answered(String endReason) {
        return new CallOutcome(Kind.ANSWERED, endReason, null);
    }
}
