package io.bulkcall.validation;

import java.util.List;

/**
 * A row that is not dialed, and why.
 *
 * @param line the 1-based physical line the row starts on
 * @param rawNumber the number cell as written, or {@code ""} when the row has none
 * @param reason the reason
 * @param detail what is wrong, in words an operator can act on
 * @param values the row's cells as read, for {@code rejected.csv}
 */
public record RejectedRow(long line, String rawNumber, RejectionReason reason, String detail, List<String> values)
        implements ScreenedRow {

    public RejectedRow {
        values = List.copyOf(values);
    }
}
