package io.bulkcall.report;

import java.time.Instant;
import java.util.List;

/**
 * When a job's calls started and ended, counted per clock hour, and how long they lasted.
 *
 * @param hours calls started and ended per clock hour (UTC), in order; hours without either left out
 * @param durations the calls with both a start and an end, counted into buckets
 * @param firstStartedAt when the first call started, {@code null} before any
 * @param lastEndedAt when the last call ended, {@code null} before any
 */
record CallTimes(List<HourlyCalls> hours, DurationCounts durations, Instant firstStartedAt, Instant lastEndedAt) {

    public CallTimes {
        hours = List.copyOf(hours);
    }
}
