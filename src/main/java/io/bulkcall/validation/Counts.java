package io.bulkcall.validation;

import java.util.Map;
import java.util.stream.Collectors;

/** Counts by kind, in words for a log line: {@code INVALID_NUMBER 2, DUPLICATE 1}; zeros left out. */
public final class Counts {

    private Counts() {
    }

    public static String describe(Map<?, Long> counts) {
        String text = counts.entrySet()
            .stream()
            .filter(entry -> entry.getValue() > 0)
            .map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(", "));
        return text.isEmpty() ? "none" : text;
    }
}
