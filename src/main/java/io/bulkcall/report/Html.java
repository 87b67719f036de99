package io.bulkcall.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Small pieces of {@code report.html}: escaped text, and counts marked with the JSON Pointer of the same
 * count in {@code summary.json} ({@code data-count="/funnel/completed"}), which is how a reader or a test
 * checks that the page and the summary agree. Stateless.
 */
final class Html {

    private Html() {
    }

    /** Text safe in an element or a double-quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A count as the page shows it, marked with where {@code summary.json} holds it. */
    static String count(long value, Object... path) {
        return "<span class=\"n\" data-count=\"" + escape(pointer(path)) + "\">" + number(value) + "</span>";
    }

    /** A JSON Pointer (RFC 6901) to a value of {@code summary.json}, from its keys and list indexes. */
    static String pointer(Object... path) {
        return Arrays.stream(path)
            .map(part -> "/" + part.toString().replace("~", "~0").replace("/", "~1"))
            .collect(Collectors.joining());
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
}
