package io.bulkcall.sandbox;

/**
 * How one call attempt ends: drawn when the recipient is dispatched, at the settings' failure rate,
 * or planned by a test with {@link SandboxServer#planOutcomes}.
 */
public enum CallOutcome {

    /** Answered, and the agent hangs up when done: the call completes with {@code agent_hangup}. */
    ANSWERED("agent_hangup"),

    /** Answered, and the callee hangs up: the call completes with {@code client_hangup}. */
    ANSWERED_CLIENT_HANGUP("client_hangup"),

    /** Placed and rang out unanswered: the call fails with {@code dial_no_answer}. */
    DIAL_NO_ANSWER("dial_no_answer"),

    /** Placed onto a busy line: the call fails with {@code dial_busy}. */
    DIAL_BUSY("dial_busy"),

    /** Placed and failed to connect: the call fails with {@code dial_failed}. */
    DIAL_FAILED("dial_failed"),

    /** Placed and ended by an error before it connected: the call fails with {@code error}. */
    ERROR("error"),

    /**
     * No call could be placed: the recipient fails with an {@code error_message} and no
     * {@code agent_call_id}, and List Calls has no call for the attempt.
     */
    FAILED_BEFORE_DIALING(null);

    static final String UNREACHABLE = "Number could not be reached";

    private final String endReason;

    CallOutcome(String endReason) {
        this.endReason = endReason;
    }

    /** The call's {@code end_reason}; {@code null} when no call is placed. */
    String endReason() {
        return endReason;
    }

    /** Whether a call is placed at all. */
    boolean placesCall() {
        return endReason != null;
    }

    /** Whether the call is answered and talks until it is hung up; otherwise it fails when it stops ringing. */
    boolean connects() {
        return this == ANSWERED || this == ANSWERED_CLIENT_HANGUP;
    }
}
