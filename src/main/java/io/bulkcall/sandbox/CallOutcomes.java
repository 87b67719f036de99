package io.bulkcall.sandbox;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws the outcome of each call attempt: a failure with probability {@code failureRate}, split
 * evenly between a failure before dialing, no answer and a busy line; otherwise an answered call
 * that the agent or the callee hangs up. Not thread-safe: used under the simulator's lock, so the
 * sequence of outcomes depends only on the seed and the order of dispatch.
 */
final class CallOutcomes {

    static final String UNREACHABLE = "Number could not be reached";

    private final long seed;
    private final RandomGenerator random;

    /** Outcomes from the first stream split off the seed; {@link FaultInjector#seeded} takes the second. */
    CallOutcomes(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed).split();
    }

    long seed() {
        return seed;
    }

    CallOutcome next(double failureRate) {
        if (random.nextDouble() >= failureRate) {
            return CallOutcome.answered(random.nextBoolean() ? "agent_hangup" : "client_hangup");
        }
        return switch (random.nextInt(3)) {
            case 0 -> CallOutcome.failedBeforeDialing(UNREACHABLE);
            case 1 -> CallOutcome.unanswered("dial_no_answer");
            default -> CallOutcome.unanswered("dial_busy");
        };
    }
}
