package io.bulkcall.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits by sleeping, in short slices, so that a stop request (Ctrl-C, SIGTERM, {@code bulkcall cancel})
 * is honoured within a fraction of a second rather than at the end of a long poll interval, retry
 * delay or wait for a calling window. Thread-safe.
 */
public final class SleepingWaiter implements Waiter {

    private static final Duration SLICE = Duration.ofMillis(100);

    private final Clock clock;

    public SleepingWaiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean waitUntil(Instant until, BooleanSupplier stopRequested) {
        try {
            for (Duration left = Duration.between(clock.instant(), until); !left.isNegative() && !left.isZero();
                    left = Duration.between(clock.instant(), until)) {
                if (stopRequested.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(left.toMillis(), SLICE.toMillis())));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopRequested.getAsBoolean();
    }
}
