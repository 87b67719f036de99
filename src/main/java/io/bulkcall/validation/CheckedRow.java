package io.bulkcall.validation;

import io.bulkcall.csv.CsvRow;
import io.bulkcall.window.ZoneResolution;

/**
 * A data row with its number cell checked: what screening can tell from the row alone, so that
 * {@link NumberCheckingReader} can work it out on other threads, ahead of {@link RowScreener}.
 *
 * @param row the row as read
 * @param rawNumber the number cell as written, or {@code ""} when the row has none
 * @param check what the number cell is, or {@code null} for a malformed row, whose number is not looked at:
 *        it is rejected for its shape
 * @param zones the recipient's time zones, or why it has no calling window; {@code null} when its number
 *        is not valid or calling windows are off
 * @param contactLimit why its number may not be dialed now, when it reached the contact policy's limit;
 *        {@code null} otherwise
 */
public record CheckedRow(CsvRow row, String rawNumber, NumberCheck check, ZoneResolution zones, String contactLimit) {

    CheckedRow atContactLimit(String detail) {
        return new CheckedRow(row, rawNumber, check, zones, detail);
    }
}
