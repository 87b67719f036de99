package io.bulkcall.report;

import java.util.List;

/**
 * How long the calls of a job lasted (a recipient's latest call, from its start to its end).
 *
 * @param calls calls with both a start and an end
 * @param totalSeconds their durations added up
 * @param maxSeconds the longest, 0 without calls
 * @param perBucket how many calls fall in each bucket of the bounds asked for: bucket {@code i} holds
 *        durations from bound {@code i - 1} (0 for the first) up to, not including, bound {@code i};
 *        the last bucket everything from the last bound on
 */
record DurationCounts(long calls, double totalSeconds, double maxSeconds, List<Long> perBucket) {

    public DurationCounts {
        perBucket = List.copyOf(perBucket);
    }
}
