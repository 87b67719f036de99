package io.bulkcall.validation;

import java.util.Map;
import java.util.stream.Collectors;

/** Counts in words for a log line. */
public final class Counts {

    private Counts() {
    }

    /** A count of a noun: {@code 1 recipient}, {@code 2 recipients}, {@code 0 call batches}, {@code 3 processes}. */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun.endsWith("ch") || noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    /** Counts by kind: {@code INVALID_NUMBER 2, DUPLICATE 1}; zeros left out. */
    public static String describe(Map<?, Long> counts) {
        String text = counts.entrySet()
            .stream()
            .filter(entry -> entry.getValue() > 0)
            .map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(", "));
        return text.isEmpty() ? "none" : text;
    }
}
