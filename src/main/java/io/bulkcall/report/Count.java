package io.bulkcall.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A count as {@code report.html} shows it, with the JSON Pointer (RFC 6901) of the same count in
 * {@code summary.json}: the page marks it {@code data-count="/funnel/completed"}, which is how a reader
 * or a test checks that the page and the summary agree.
 *
 * @param pointer where {@code summary.json} holds the count
 * @param number the count with thousands separators
 */
record Count(String pointer, String number) {

    /** @param path the keys and list indexes that lead to the count in {@code summary.json} */
    static Count of(long value, Object... path) {
        String pointer = Arrays.stream(path)
            .map(part -> "/" + part.toString().replace("~", "~0").replace("/", "~1"))
            .collect(Collectors.joining());
        return new Count(pointer, Formats.number(value));
    }
}
