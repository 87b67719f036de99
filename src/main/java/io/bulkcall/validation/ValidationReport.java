package io.bulkcall.validation;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outcome of validating one file.
 *
 * @param file the input file
 * @param readAs how the file was read when it is not the usual UTF-8 comma-separated CSV
 *     ({@code semicolon-separated}, {@code sheet "Contacts"}), else empty
 * @param rejectedCsv where the rejected rows were written
 * @param rows the data rows of the file (blank lines and the header not counted)
 * @param accepted the rows that would be dialed
 * @param rejectedByReason the rejected rows by reason; every reason present, 0 when none
 * @param sentColumns what the file's columns would become at Cartesia
 */
public record ValidationReport(Path file, String readAs, Path rejectedCsv, long rows, long accepted,
        Map<RejectionReason, Long> rejectedByReason, SentColumns sentColumns) {

    public ValidationReport {
        Map<RejectionReason, Long> complete = new EnumMap<>(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            complete.put(reason, rejectedByReason.getOrDefault(reason, 0L));
        }
        rejectedByReason = Collections.unmodifiableMap(complete);
    }

    public RowTally tally() {
        return new RowTally(accepted, rejectedByReason);
    }

    public long rejected() {
        return rows - accepted;
    }
}
