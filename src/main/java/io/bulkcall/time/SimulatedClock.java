package io.bulkcall.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until it is moved ahead, and never goes back while anything runs on
 * it. The sandbox runs a job and its stand-in for Cartesia on one such clock, moved by a
 * {@link JumpingWaiter}: a wait of seven hours for a calling window to open takes no time, and both
 * sides agree on what time it is. Tests move it themselves, and {@linkplain #reset reset} it between
 * cases that share one. Always in UTC. Thread-safe.
 */
public final class SimulatedClock extends Clock {

    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** Moves the clock ahead by {@code duration}; a negative one is refused. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a simulated clock does not go back: " + duration);
        }
        now = now.plus(duration);
    }

    /** Moves the clock to {@code instant}, unless it reads later already. */
    public synchronized void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    /**
     * Sets the clock to {@code instant}, earlier or later: for tests that share one clock between
     * their cases, while nothing runs on it.
     */
    public synchronized void reset(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is always in UTC");
    }
}
