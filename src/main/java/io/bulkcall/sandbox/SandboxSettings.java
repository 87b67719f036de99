package io.bulkcall.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Every knob of a {@link SandboxServer}. Immutable; the {@code with…} methods return a copy with
 * one knob changed, so tests start from {@link #defaults()} and change only what they exercise.
 *
 * @param port the local port to listen on, {@code 0} for any free one
 * @param agentId the only agent id Create Call Batch accepts (others get 404), {@code null} for any
 * @param fromNumberId the only phone number id Create Call Batch accepts, {@code null} for any
 * @param orgConcurrencyLimit the organization's agent-call concurrency limit that admitted batches
 *        reserve their {@code target_concurrency_limit} from
 * @param ringDuration how long a dispatched call rings before it is answered or goes unanswered
 * @param callDuration how long an answered call lasts
 * @param failureRate the probability that a call attempt fails, before dialing or unanswered
 * @param faultRate the probability that any request is answered 500, 503 or 429 without being applied
 * @param lostResponseRate the probability that a Create or Retry Call Batch is applied and its
 *        connection then dropped without a response
 * @param seed seeds call outcomes and injected faults, so a run is repeatable
 */
public record SandboxSettings(
        int port,
        String agentId,
        String fromNumberId,
        int orgConcurrencyLimit,
        Duration ringDuration,
        Duration callDuration,
        double failureRate,
        double faultRate,
        double lostResponseRate,
        long seed) {

    public SandboxSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (orgConcurrencyLimit < 1) {
            throw new IllegalArgumentException("orgConcurrencyLimit must be at least 1: " + orgConcurrencyLimit);
        }
        requireNotNegative("ringDuration", ringDuration);
        requireNotNegative("callDuration", callDuration);
        requireProbability("failureRate", failureRate);
        requireProbability("faultRate", faultRate);
        requireProbability("lostResponseRate", lostResponseRate);
    }

    /**
     * A free port, the ids {@code agent_sandbox} and {@code ap_sandbox}, the Free plan's limit of 8
     * concurrent calls, one-second rings, three-second calls, one attempt in five failing, no faults.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(0, "agent_sandbox", "ap_sandbox", 8, Duration.ofSeconds(1), Duration.ofSeconds(3),
                0.2, 0, 0, 42);
    }

    public SandboxSettings withPort(int port) {
        return new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit, ringDuration, callDuration,
                failureRate, faultRate, lostResponseRate, seed);
    }

    /** Accepts exactly these ids on Create Call Batch; {@code null} accepts any. */
    public SandboxSettings withIds(String agentId, String fromNumberId) {
        return new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit, ringDuration, callDuration,
                failureRate, faultRate, lostResponseRate, seed);
    }

    public SandboxSettings withOrgConcurrencyLimit(int orgConcurrencyLimit) {
        return new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit, ringDuration, callDuration,
                failureRate, faultRate, lostResponseRate, seed);
    }

    /** Sets how long calls ring and how long answered calls last. */
    public SandboxSettings withDurations(Duration ringDuration, Duration callDuration) {
        return new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit, ringDuration, callDuration,
                failureRate, faultRate, lostResponseRate, seed);
    }

    public SandboxSettings withFailureRate(double failureRate) {
        return new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit, ringDuration, callDuration,
                failureRate, faultRate, lostResponseRate, seed);
    }

    /** Sets the probabilities of error answers and of lost Create/Retry responses. */
    public SandboxSettings withFaults(double faultRate, double lostResponseRate) {
        return new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit, ringDuration, callDuration,
                failureRate, faultRate, lostResponseRate, seed);
    }

    /** Whether Create Call Batch accepts this agent id. */
    boolean acceptsAgent(String id) {
        return agentId == null || agentId.equals(id);
    }

    /** Whether Create Call Batch accepts this phone number id. */
    boolean acceptsFromNumber(String id) {
        return fromNumberId == null || fromNumberId.equals(id);
    }

    /** The {@code target_concurrency_limit} of a batch that sends none: half the org limit, at least 1. */
    int defaultTargetConcurrencyLimit() {
        return Math.max(1, orgConcurrencyLimit / 2);
    }

    private static void requireNotNegative(String knob, Duration value) {
        Objects.requireNonNull(value, knob);
        if (value.isNegative()) {
            throw new IllegalArgumentException(knob + " must not be negative: " + value);
        }
    }

    private static void requireProbability(String knob, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(knob + " must be between 0 and 1: " + value);
        }
    }
}
