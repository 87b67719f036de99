package io.bulkcall.sandbox;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws the outcome of each call attempt: a failure with probability {@code failureRate}, split
 * evenly between a failure before dialing, no answer, a busy line and a call that failed to
 * connect; otherwise an answered call that the agent or the callee hangs up. Not thread-safe: used
 * under the simulator's lock, so the sequence of outcomes depends only on the seed and the order of
 * dispatch.
 */
final class CallOutcomes {

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
            return random.nextBoolean() ? CallOutcome.ANSWERED : CallOutcome.ANSWERED_CLIENT_HANGUP;
        }
        return switch (random.nextInt(4)) {
            case 0 -> CallOutcome.FAILED_BEFORE_DIALING;
            case 1 -> CallOutcome.DIAL_NO_ANSWER;
            case 2 -> CallOutcome.DIAL_BUSY;
            default -> CallOutcome.DIAL_FAILED;
        };
    }
}
