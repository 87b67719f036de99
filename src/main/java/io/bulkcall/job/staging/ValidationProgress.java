package io.bulkcall.job.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.bulkcall.time.Durations;

/**
 * Where the validation of one file is, in a line every {@code every}: rows read, rows per second, and
 * how long the rest of the file should take, from the bytes read so far against the file's size.
 * The bytes of rows skipped by a restart are taken to be as long as the rows read since. Not
 * thread-safe: one per step execution.
 */
final class ValidationProgress {

    private final String file;
    private final long fileBytes;
    private final long rowsBefore;
    private final Instant start;
    private final Duration every;
    private Instant lastLine;
    private long rows;
    private long bytes;

    /**
     * @param rowsBefore rows a restarted step skips, read by an earlier execution
     */
    ValidationProgress(String file, long fileBytes, long rowsBefore, Instant start, Duration every) {
        this.file = file;
        this.fileBytes = fileBytes;
        this.rowsBefore = rowsBefore;
        this.start = start;
        this.every = every;
        this.lastLine = start;
    }

    /** Counts rows just read; returns a line when the last one is {@code every} old. */
    Optional<String> read(long moreRows, long moreBytes, Instant now) {
        rows += moreRows;
        bytes += moreBytes;
        if (Duration.between(lastLine, now).compareTo(every) < 0 || rows == 0) {
            return Optional.empty();
        }
        lastLine = now;
        double seconds = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
        double position = bytes + rowsBefore * ((double) bytes / rows);
        double share = fileBytes == 0 ? 1 : Math.min(1, position / fileBytes);
        Duration left = Duration.ofSeconds(Math.round(Math.max(0, fileBytes - position) / (bytes / seconds)));
        return Optional.of(String.format(Locale.ENGLISH, "%s: validating, %,d rows read (%.0f%%), %,.0f rows/s, about %s left",
                file, rowsBefore + rows, 100 * share, rows / seconds, Durations.human(left)));
    }
}
