package io.bulkcall.sandbox;

/** How one call attempt ends, drawn when the recipient is dispatched. */
enum CallOutcome {

    /** Answered; the agent hangs up when done. */
    ANSWERED("agent_hangup"),

    /** Answered; the callee hangs up. */
    ANSWERED_CLIENT_HANGUP("client_hangup"),

    /** Placed, rang out unanswered. */
    DIAL_NO_ANSWER("dial_no_answer"),

    /** Placed, the line was busy. */
    DIAL_BUSY("dial_busy"),

    /** No call could be placed: the recipient fails with an {@code error_message} and no call. */
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
