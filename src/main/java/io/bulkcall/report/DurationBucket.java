package io.bulkcall.report;

/**
 * Calls whose duration falls in {@code [fromSeconds, toSeconds)}.
 *
 * @param label the range in words, {@code 1–2 min}
 * @param toSeconds {@code null} for the last bucket, which has no upper bound
 */
record DurationBucket(String label, long fromSeconds, Long toSeconds, long calls) {
}
