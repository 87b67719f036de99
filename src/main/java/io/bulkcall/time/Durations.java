package io.bulkcall.time;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Durations in the words of settings and log lines: {@code 2s}, {@code 15m}, {@code 7h 12m}, {@code 2d 3h}. */
public final class Durations {

    private static final Pattern BARE_NUMBER = Pattern.compile("[0-9]*[1-9][0-9]*");

    private Durations() {
    }

    /**
     * A duration as settings write it, exact: {@code 2s}, {@code 15m}, {@code 1h30m}, {@code 500ms}, and
     * whole days in days, as they are given ({@code 90d}, not {@code 2160h}).
     */
    public static String setting(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDaysPart()))) {
            return duration.toDaysPart() + "d";
        }
        if (duration.toMillisPart() != 0 && duration.toSeconds() == 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /**
     * What is wrong with a duration written as a number without a unit ({@code 30}), which Spring
     * reads as milliseconds where a person meant seconds, minutes or days; empty for any other text,
     * and for zero, which is zero in every unit.
     */
    public static Optional<String> withoutUnit(String written) {
        String number = written.strip();
        if (!BARE_NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return Optional.of("'%s' has no unit, and would be read as %s milliseconds; write %ss, %sm, %sh or %sd"
            .formatted(number, number, number, number, number, number));
    }

    /** A duration for a person, to the minute: {@code 7h 12m}, {@code 2d 3h}; under a minute, in seconds. */
    public static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.toSeconds() + "s";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        if (days > 0) {
            return hours == 0 ? days + "d" : days + "d " + hours + "h";
        }
        long minutesPart = duration.toMinutesPart();
        return hours == 0 ? minutesPart + "m" : minutesPart == 0 ? hours + "h" : hours + "h " + minutesPart + "m";
    }
}
