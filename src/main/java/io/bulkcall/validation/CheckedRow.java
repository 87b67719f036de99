package io.bulkcall.validation;

import java.util.List;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;

/**
 * A data row with its number cell checked: what screening can tell from the row alone, so that
 * {@link NumberCheckingReader} can work it out on other threads, ahead of {@link RowScreener}.
 *
 * @param row the row as read
 * @param rawNumber the number cell as written, or {@code ""} when the row has none
 * @param check what the number cell is, or {@code null} for a malformed row, whose number is not looked at:
 *        it is rejected for its shape
 */
public record CheckedRow(CsvRow row, String rawNumber, NumberCheck check) {

    /** Checks the number cell of a row of a file with this header. Thread-safe. */
    public static CheckedRow check(CsvRow row, CsvHeader header, PhoneNumberNormalizer normalizer) {
        List<String> values = row.values();
        String rawNumber = header.numberColumn() < values.size() ? values.get(header.numberColumn()) : "";
        return new CheckedRow(row, rawNumber, row.isMalformed() ? null : normalizer.normalize(rawNumber));
    }
}
