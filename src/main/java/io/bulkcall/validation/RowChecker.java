package io.bulkcall.validation;

import java.time.Instant;
import java.util.List;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.RecipientZoneResolver;

/**
 * Checks what can be told of a row alone: its number (libphonenumber) and, when calling windows are
 * on, the time zones its calls wait for (from the number, or the row's {@code time_zone} cell). Made
 * once per file, since whether a set of zones shares any calling time is worked out from the moment
 * the file is validated, and cached. Thread-safe: rows are checked on several threads.
 */
public final class RowChecker {

    private final PhoneNumberNormalizer normalizer;

    private final RecipientZoneResolver zones;

    private RowChecker(PhoneNumberNormalizer normalizer, RecipientZoneResolver zones) {
        this.normalizer = normalizer;
        this.zones = zones;
    }

    /** A checker for a file validated at {@code now}; it looks up zones only when windows are on. */
    public static RowChecker of(PhoneNumberNormalizer normalizer, CallingWindowSettings windows, Instant now) {
        return new RowChecker(normalizer, windows.enabled() ? new RecipientZoneResolver(windows, now) : null);
    }

    public CheckedRow check(CsvRow row, CsvHeader header) {
        List<String> values = row.values();
        String rawNumber = cell(values, header.numberColumn());
        if (row.isMalformed()) {
            return new CheckedRow(row, rawNumber, null, null);
        }
        NumberCheck check = normalizer.normalize(rawNumber);
        if (zones == null || !(check instanceof NumberCheck.Valid valid)) {
            return new CheckedRow(row, rawNumber, check, null);
        }
        return new CheckedRow(row, rawNumber, check, zones.resolve(valid.parsed(), cell(values, header.timeZoneColumn())));
    }

    private static String cell(List<String> values, int column) {
        return column >= 0 && column < values.size() ? values.get(column) : "";
    }
}
