package io.bulkcall.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The whole hours (UTC) the "calls over time" chart spans: from the hour of the job's first call batch
 * or call to the hour of its last call's end or of the report, at most {@link #LONGEST}.
 *
 * @param start the first hour
 * @param end the hour after the last
 */
record ChartSpan(Instant start, Instant end) {

    /** Longer jobs show their last {@code LONGEST}: hourly bars of a longer span would be too thin to see. */
    static final Duration LONGEST = Duration.ofDays(31);

    /** The span of a job's batches and calls; {@code null} when it created no batch and made no call. */
    static ChartSpan of(Instant firstBatchAt, List<HourlyCalls> hours, Instant lastCallEndedAt, Instant reportAt) {
        Instant first = Stream.of(firstBatchAt, hours.isEmpty() ? null : hours.get(0).hour())
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
        if (first == null) {
            return null;
        }
        Instant last = Stream.of(lastCallEndedAt, reportAt, hours.isEmpty() ? null : hours.get(hours.size() - 1).hour())
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElseThrow();
        Instant end = last.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant start = first.truncatedTo(ChronoUnit.HOURS);
        return new ChartSpan(start.isBefore(end.minus(LONGEST)) ? end.minus(LONGEST) : start, end);
    }

    int hours() {
        return (int) Duration.between(start, end).toHours();
    }

    boolean contains(Instant hour) {
        return !hour.isBefore(start) && hour.isBefore(end);
    }
}
