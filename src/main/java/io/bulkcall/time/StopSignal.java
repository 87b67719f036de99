package io.bulkcall.time;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether this process was asked to stop (Ctrl-C, SIGTERM), and how much of the time it was given for
 * that is left for work. Set once, by the signal; read by every wait and every request to Cartesia, so
 * that a wait ends at once and what is still sent during the stop fits in what is left of it. The last
 * sixth of the time given is not for work: it is kept for the job to record that it stopped and for
 * the process to end. The time left is measured on the machine's monotonic clock, not on the application's {@link java.time.Clock}: a
 * simulated clock may jump hours ahead, the process's deadline does not. Thread-safe.
 */
public final class StopSignal {

    private static final long NOT_REQUESTED = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private volatile long deadlineNanos = NOT_REQUESTED;

    public StopSignal() {
        this(System::nanoTime);
    }

    /** @param nanoTime the monotonic clock, in nanoseconds, as {@link System#nanoTime()} reads it */
    public StopSignal(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Asks the process to stop within {@code timeout}, its work within five sixths of it; a second
     * request changes nothing.
     *
     * @return whether this was the first request
     */
    public synchronized boolean request(Duration timeout) {
        if (deadlineNanos != NOT_REQUESTED) {
            return false;
        }
        deadlineNanos = nanoTime.getAsLong() + timeout.toNanos() - timeout.toNanos() / 6;
        return true;
    }

    public boolean requested() {
        return deadlineNanos != NOT_REQUESTED;
    }

    /** What is left of the time given to stop for work, zero once it is over; empty while no stop was requested. */
    public Optional<Duration> timeLeft() {
        long deadline = deadlineNanos;
        if (deadline == NOT_REQUESTED) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, deadline - nanoTime.getAsLong())));
    }

    /** Whether a stop was requested and the time it gave for work is over. */
    public boolean isOver() {
        long deadline = deadlineNanos;
        return deadline != NOT_REQUESTED && nanoTime.getAsLong() >= deadline;
    }
}
