package io.bulkcall.time;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits until the application's clock reads a given instant: by sleeping, on the system clock, or
 * by moving a {@link SimulatedClock} there at once. Every wait of the job (between polls, before a
 * redial round, until a calling window opens) goes through the one {@code Waiter} bean, so a stop
 * request ends any of them within a fraction of a second. Implementations are thread-safe.
 */
public interface Waiter {

    /**
     * @param until the instant to wait for, as the application's clock reads it
     * @param stopRequested asked often while waiting; once it answers {@code true} the wait ends
     * @return {@code true} if the clock reached {@code until}, {@code false} if a stop was requested first
     */
    boolean waitUntil(Instant until, BooleanSupplier stopRequested);
}
