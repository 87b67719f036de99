package io.bulkcall.time;

import java.time.Duration;
import java.util.Locale;

/** Durations in the words of settings and log lines: {@code 2s}, {@code 15m}, {@code 7h12m}. */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
