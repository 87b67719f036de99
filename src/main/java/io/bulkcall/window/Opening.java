package io.bulkcall.window;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time when calling is allowed, {@code [start, end)}: from {@code start} on, until just
 * before {@code end}. Immutable and thread-safe.
 *
 * @param start the first instant calls are allowed
 * @param end the first instant after it when they are not
 */
public record Opening(Instant start, Instant end) {

    public Opening {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("an opening ends after it starts: " + start + " to " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
