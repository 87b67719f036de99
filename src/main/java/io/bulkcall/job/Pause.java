package io.bulkcall.job;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Waits in short slices so that a stop request (Ctrl-C, SIGTERM, {@code bulkcall cancel}) is
 * honoured within a fraction of a second rather than at the end of a long poll interval or retry
 * delay.
 */
public final class Pause {

    private static final long SLICE_MILLIS = 100;

    private Pause() {
    }

    /** A duration as settings write it: {@code 2s}, {@code 15m}, {@code 1h30m}. */
    public static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** @return {@code true} if the whole duration passed, {@code false} if a stop was requested first */
    public static boolean sleep(Duration duration, BooleanSupplier stopRequested) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            for (long left = duration.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                if (stopRequested.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.min(left, SLICE_MILLIS));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopRequested.getAsBoolean();
    }
}
