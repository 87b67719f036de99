package io.bulkcall.validation;

import java.util.Map;

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
 * @param metadata the row's other columns, keyed by header name in file order, empty cells left out;
 *        empty when its number is not valid
 * @param stagedMetadata the metadata as the job database stores it, written ahead by a checker given the
 *        database's writer ({@link RowChecker#writingMetadata}); {@code null} when there is none, or no writer
 */
public record CheckedRow(CsvRow row, String rawNumber, NumberCheck check, ZoneResolution zones, String contactLimit,
        Map<String, String> metadata, String stagedMetadata) {

    CheckedRow atContactLimit(String detail) {
        return new CheckedRow(row, rawNumber, check, zones, detail, metadata, stagedMetadata);
    }
}
