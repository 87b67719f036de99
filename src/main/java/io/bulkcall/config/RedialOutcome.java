package io.bulkcall.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a recipient's latest attempt failed, as {@code bulkcall.redial.outcomes} and
 * {@code bulkcall.redial.delay-after.<outcome>} name it: Cartesia's {@code end_reason} of the failed call;
 * {@code other} for a failed call whose {@code end_reason} is missing or a value bulkcall does not know
 * (Cartesia may add values); {@code not_placed} for a recipient that failed before any call was placed
 * (an {@code error_message}, no call). A completed call has no redial outcome: it is never redialed.
 */
public enum RedialOutcome {

    DIAL_NO_ANSWER, DIAL_BUSY, DIAL_FAILED, ERROR, AGENT_HANGUP, CLIENT_HANGUP, API_CANCELLED, MAX_DURATION,
    INACTIVITY, CLIENT_DISCONNECTED, OTHER, NOT_PLACED;

    /** The outcome as the settings write it: {@code dial_busy}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome a setting names, if it names one. */
    public static Optional<RedialOutcome> named(String setting) {
        return Arrays.stream(values()).filter(outcome -> outcome.isNamed(setting)).findFirst();
    }

    /** The outcome a setting names as the settings write it ({@code dial_busy}); a name of none as it is. */
    public static String asSetting(String setting) {
        return named(setting).map(RedialOutcome::setting).orElse(setting);
    }

    /**
     * Whether a setting names this outcome, its case, {@code _} and {@code -} apart as Spring Boot's
     * relaxed binding reads names: an environment variable can give a map's key only in one word,
     * {@code BULKCALL_REDIAL_DELAYAFTER_DIALBUSY} for {@code dial_busy}.
     */
    private boolean isNamed(String setting) {
        return comparable(setting).equals(comparable(setting()));
    }

    private static String comparable(String setting) {
        return setting.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome of a failed attempt.
     *
     * @param endReason the call's {@code end_reason}, {@code null} when Cartesia gave none
     * @param agentCallId the call placed, {@code null} when none was
     */
    public static RedialOutcome ofFailed(String endReason, String agentCallId) {
        if (agentCallId == null) {
            return NOT_PLACED;
        }
        return endReason == null ? OTHER : named(endReason).filter(outcome -> outcome != OTHER && outcome != NOT_PLACED)
            .orElse(OTHER);
    }

    /** Every outcome as the settings write them, for a message. */
    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(RedialOutcome::setting).toList());
    }

    @Override
    public String toString() {
        return setting();
    }
}
