package io.bulkcall.postgres;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test releases it, then runs with the system clock. A sandbox
 * on it dials calls that cannot end while it is held, so a job stays in its await step for as long
 * as a test needs, however slowly the machine runs.
 */
final class HeldClock extends Clock {

    private final Instant heldAt = Instant.now();
    private volatile boolean held = true;

    void release() {
        held = false;
    }

    @Override
    public Instant instant() {
        return held ? heldAt : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("always UTC");
    }
}
