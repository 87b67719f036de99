package io.bulkcall.validation;

import java.nio.file.Path;

/**
 * A file's validation ended before its last row because bulkcall was asked to stop (Ctrl-C, SIGTERM):
 * its counts are incomplete, so no {@code rejected.csv} was written.
 */
public final class ValidationStoppedException extends RuntimeException {

    private final long rows;

    ValidationStoppedException(Path file, long rows) {
        super("%s: validation stopped after %d rows".formatted(file, rows));
        this.rows = rows;
    }

    /** How many data rows were validated before the stop: 0 when it came before the first. */
    public long rows() {
        return rows;
    }
}
