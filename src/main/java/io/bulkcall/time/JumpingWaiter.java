package io.bulkcall.time;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits on a {@link SimulatedClock} by moving it to the instant waited for, at once. Everything that
 * reads the clock (the job, the sandbox's calls) sees the time pass in one step. Thread-safe.
 */
public final class JumpingWaiter implements Waiter {

    private final SimulatedClock clock;

    public JumpingWaiter(SimulatedClock clock) {
        this.clock = clock;
    }

    @Override
    public boolean waitUntil(Instant until, BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            return false;
        }
        clock.advanceTo(until);
        return true;
    }
}
