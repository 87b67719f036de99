package io.bulkcall.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How {@code report.html} writes its figures, in one place so that every number, share, bar and time on
 * the page reads alike whatever the machine's locale. Stateless.
 */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A whole number with thousands separators: {@code 1,234}. */
    static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** {@code part} as a share of {@code whole}, one decimal: {@code 90.6%}; a dash when there is no whole. */
    static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ENGLISH, "%.1f%%", 100.0 * part / whole);
    }

    /** A length in percent of {@code max}, for a bar: {@code 37.50%}. */
    static String width(long value, long max) {
        return String.format(Locale.ENGLISH, "%.2f%%", max == 0 ? 0.0 : 100.0 * value / max);
    }

    /** A coordinate of an SVG drawing, to a tenth. */
    static String coordinate(double value) {
        return String.format(Locale.ENGLISH, "%.1f", value);
    }

    /** An instant to the second, in UTC: {@code 2026-11-25 18:00:00 UTC}; {@code null} when not known. */
    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
