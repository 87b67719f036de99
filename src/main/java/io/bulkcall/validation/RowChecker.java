package io.bulkcall.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.RecipientZoneResolver;

/**
 * Checks what can be told of a row without the rows before it: its number (libphonenumber); when
 * calling windows are on, the time zones its calls wait for (from the number, or the row's
 * {@code time_zone} cell); and, a block of rows at a time, whether its number reached the contact
 * policy's limit. Made once per file, since whether a set of zones shares any calling time is worked
 * out from the moment the file is validated, and cached. Thread-safe: rows are checked on several threads.
 */
public final class RowChecker {

    private final PhoneNumberNormalizer normalizer;

    private final RecipientZoneResolver zones;

    private final ContactLimits contactLimits;

    private RowChecker(PhoneNumberNormalizer normalizer, RecipientZoneResolver zones, ContactLimits contactLimits) {
        this.normalizer = normalizer;
        this.zones = zones;
        this.contactLimits = contactLimits;
    }

    /** A checker for a file validated at {@code now}; it looks up zones only when windows are on. */
    public static RowChecker of(PhoneNumberNormalizer normalizer, CallingWindowSettings windows, Instant now,
            ContactLimits contactLimits) {
        return new RowChecker(normalizer, windows.enabled() ? new RecipientZoneResolver(windows, now) : null,
                contactLimits);
    }

    /** Checks a block of rows, asking the contact history once for all of their numbers. */
    public List<CheckedRow> check(List<CsvRow> rows, CsvHeader header) {
        List<CheckedRow> checked = rows.stream().map(row -> check(row, header)).toList();
        List<String> numbers = checked.stream()
            .map(CheckedRow::check)
            .filter(NumberCheck.Valid.class::isInstance)
            .map(check -> ((NumberCheck.Valid) check).e164())
            .toList();
        Map<String, String> atLimit = contactLimits.atLimit(numbers);
        if (atLimit.isEmpty()) {
            return checked;
        }
        return checked.stream()
            .map(row -> row.check() instanceof NumberCheck.Valid valid && atLimit.containsKey(valid.e164())
                    ? row.atContactLimit(atLimit.get(valid.e164())) : row)
            .toList();
    }

    CheckedRow check(CsvRow row, CsvHeader header) {
        List<String> values = row.values();
        String rawNumber = cell(values, header.numberColumn());
        if (row.isMalformed()) {
            return new CheckedRow(row, rawNumber, null, null, null);
        }
        NumberCheck check = normalizer.normalize(rawNumber);
        if (zones == null || !(check instanceof NumberCheck.Valid valid)) {
            return new CheckedRow(row, rawNumber, check, null, null);
        }
        return new CheckedRow(row, rawNumber, check, zones.resolve(valid.parsed(), cell(values, header.timeZoneColumn())),
                null);
    }

    private static String cell(List<String> values, int column) {
        return column >= 0 && column < values.size() ? values.get(column) : "";
    }
}
