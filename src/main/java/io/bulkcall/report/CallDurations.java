package io.bulkcall.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a job's calls lasted: their number, mean and longest, and how many fall in each of a few
 * ranges, from under 15 seconds to 20 minutes and more. Only calls with a known start and end count.
 */
record CallDurations(long calls, double meanSeconds, double maxSeconds, List<DurationBucket> buckets) {

    /** The upper bounds of every bucket but the last, in seconds. */
    static final List<Long> BOUNDS = List.of(15L, 30L, 60L, 120L, 300L, 600L, 1200L);

    CallDurations {
        buckets = List.copyOf(buckets);
    }

    static CallDurations of(DurationCounts counts) {
        List<DurationBucket> buckets = new ArrayList<>();
        for (int i = 0; i <= BOUNDS.size(); i++) {
            long from = i == 0 ? 0 : BOUNDS.get(i - 1);
            Long to = i < BOUNDS.size() ? BOUNDS.get(i) : null;
            buckets.add(new DurationBucket(label(from, to), from, to, counts.perBucket().get(i)));
        }
        double mean = counts.calls() == 0 ? 0 : Math.round(10 * counts.totalSeconds() / counts.calls()) / 10.0;
        return new CallDurations(counts.calls(), mean, Math.round(10 * counts.maxSeconds()) / 10.0, buckets);
    }

    private static String label(long from, Long to) {
        if (to == null) {
            return "≥ " + (from >= 60 ? from / 60 + " min" : from + " s");
        }
        if (from == 0) {
            return "< " + (to > 60 ? to / 60 + " min" : to + " s");
        }
        return to > 60 ? from / 60 + "–" + to / 60 + " min" : from + "–" + to + " s";
    }
}
