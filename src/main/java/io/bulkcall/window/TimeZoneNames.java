package io.bulkcall.window;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a {@code time_zone} cell as people write it: an IANA id ({@code Europe/London}) or an offset
 * ({@code UTC+2}), as {@link ZoneId#of} reads them, and an IANA id in any case ({@code europe/london}),
 * which is unambiguous. An abbreviation ({@code EST}, {@code PST}) is refused with a word of its own:
 * it does not say when daylight saving time applies, and a guess could place a call an hour outside
 * its window. Thread-safe.
 */
final class TimeZoneNames {

    /** Each id by its lower case; two ids alike but for case would both be found as written, so either does. */
    private static final Map<String, String> IDS_BY_LOWER_CASE = ZoneId.getAvailableZoneIds()
        .stream()
        .collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(),
                (one, other) -> one));

    private TimeZoneNames() {
    }

    /**
     * @param written the zone as written, spaces around ignored
     * @throws IllegalArgumentException with a message that quotes {@code written} and says what to
     *         write, when it is no time zone
     */
    static ZoneId parse(String written) {
        String text = written.strip();
        try {
            return ZoneId.of(text);
        }
        catch (DateTimeException notAsWritten) {
            String id = IDS_BY_LOWER_CASE.get(text.toLowerCase(Locale.ROOT));
            if (id != null) {
                return ZoneId.of(id);
            }
            String kind = ZoneId.SHORT_IDS.containsKey(text.toUpperCase(Locale.ROOT))
                    ? "is an abbreviation, which does not say when daylight saving time applies; use"
                    : "is not a time zone; use";
            throw new IllegalArgumentException(
                    "\"" + text + "\" " + kind + " an IANA id such as America/New_York or Europe/London");
        }
    }
}
