package io.bulkcall.cartesia;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.bulkcall.time.Waiter;

/** A {@link Waiter} that notes how long each wait was asked to last, on a clock that stands still, and returns at once. */
final class RecordingWaiter implements Waiter {

    private final Clock clock;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    RecordingWaiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean waitUntil(Instant until, BooleanSupplier stopRequested) {
        waits.add(Duration.between(clock.instant(), until));
        return !stopRequested.getAsBoolean();
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
