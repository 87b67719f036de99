package io.bulkcall.validation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.RecipientZoneResolver;
import io.bulkcall.window.ZoneResolution;

/**
 * Checks what can be told of a row without the rows before it: its number (libphonenumber); when
 * calling windows are on, the time zones its calls wait for (from the number, or the row's
 * {@code time_zone} cell); and whether its number reached the contact policy's limit. Made once per
 * file, since whether a set of zones shares any calling time is worked out from the moment the file is
 * validated, and cached, and the numbers at their contact limit are asked for once, as it is made.
 * A valid row's metadata is gathered here too, and, for the validate step, written in the form the job
 * database stores it: work that depends on the row alone, done ahead on other cores rather than on the
 * thread that stages the rows, which is the step's slowest. Thread-safe: rows are checked on several
 * threads.
 */
public final class RowChecker {

    private final PhoneNumberNormalizer normalizer;

    private final RecipientZoneResolver zones;

    private final ContactLimits contactLimits;

    private final SeenNumbers numbersAtLimit;

    private final Function<Map<String, String>, String> metadataWriter;

    private RowChecker(PhoneNumberNormalizer normalizer, RecipientZoneResolver zones, ContactLimits contactLimits,
            SeenNumbers numbersAtLimit, Function<Map<String, String>, String> metadataWriter) {
        this.normalizer = normalizer;
        this.zones = zones;
        this.contactLimits = contactLimits;
        this.numbersAtLimit = numbersAtLimit;
        this.metadataWriter = metadataWriter;
    }

    /** A checker for a file validated at {@code now}; it looks up zones only when windows are on. */
    public static RowChecker of(PhoneNumberNormalizer normalizer, CallingWindowSettings windows, Instant now,
            ContactLimits contactLimits) {
        return new RowChecker(normalizer, windows.enabled() ? new RecipientZoneResolver(windows, now) : null,
                contactLimits, contactLimits.numbersAtLimit(), null);
    }

    /**
     * This checker, writing each valid row's metadata with {@code writer} as well ({@link CheckedRow#stagedMetadata}).
     *
     * @param writer the job database's form of a non-empty metadata; called on the checking threads
     */
    public RowChecker writingMetadata(Function<Map<String, String>, String> writer) {
        return new RowChecker(normalizer, zones, contactLimits, numbersAtLimit, Objects.requireNonNull(writer, "writer"));
    }

    /**
     * Checks a block of rows; the contact history is asked about those of its numbers that were at
     * their limit as the file's validation started, if any.
     */
    public List<CheckedRow> check(List<CsvRow> rows, CsvHeader header) {
        List<CheckedRow> checked = rows.stream().map(row -> check(row, header)).toList();
        if (numbersAtLimit.size() == 0) {
            return checked;
        }
        List<String> atLimitBefore = checked.stream()
            .map(CheckedRow::check)
            .filter(NumberCheck.Valid.class::isInstance)
            .map(check -> ((NumberCheck.Valid) check).e164())
            .filter(e164 -> numbersAtLimit.contains(SeenNumbers.toLong(e164)))
            .toList();
        if (atLimitBefore.isEmpty()) {
            return checked;
        }
        Map<String, String> atLimit = contactLimits.atLimit(atLimitBefore);
        return checked.stream()
            .map(row -> row.check() instanceof NumberCheck.Valid valid && atLimit.containsKey(valid.e164())
                    ? row.atContactLimit(atLimit.get(valid.e164())) : row)
            .toList();
    }

    CheckedRow check(CsvRow row, CsvHeader header) {
        List<String> values = row.values();
        String rawNumber = cell(values, header.numberColumn());
        if (row.isMalformed()) {
            return new CheckedRow(row, rawNumber, null, null, null, Map.of(), null);
        }
        NumberCheck check = normalizer.normalize(rawNumber);
        if (!(check instanceof NumberCheck.Valid valid)) {
            return new CheckedRow(row, rawNumber, check, null, null, Map.of(), null);
        }
        ZoneResolution resolved = zones == null ? null
                : zones.resolve(valid.parsed(), valid.type(), cell(values, header.timeZoneColumn()));
        Map<String, String> metadata = metadata(header, values);
        String staged = metadataWriter == null || metadata.isEmpty() ? null : metadataWriter.apply(metadata);
        return new CheckedRow(row, rawNumber, check, resolved, null, metadata, staged);
    }

    private static Map<String, String> metadata(CsvHeader header, List<String> values) {
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        List<String> columns = header.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (header.isMetadata(i) && !values.get(i).isBlank()) {
                metadata.put(columns.get(i), values.get(i));
            }
        }
        return RowMetadata.of(metadata);
    }

    private static String cell(List<String> values, int column) {
        return column >= 0 && column < values.size() ? values.get(column) : "";
    }
}
