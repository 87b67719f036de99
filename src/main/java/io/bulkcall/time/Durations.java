package io.bulkcall.time;

import java.time.Duration;
import java.util.Locale;

/** Durations in the words of settings and log lines: {@code 2s}, {@code 15m}, {@code 7h 12m}, {@code 2d 3h}. */
public final class Durations {

    private Durations() {
    }

    /** A duration as settings write it, exact: {@code 2s}, {@code 15m}, {@code 1h30m}, {@code 500ms}. */
    public static String setting(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillisPart() != 0 && duration.toSeconds() == 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
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
