package io.bulkcall.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.bulkcall.job.launch.JobStatus;
import io.bulkcall.job.launch.JobStatus.Group;
import io.bulkcall.job.launch.JobStatus.Progress;
import io.bulkcall.job.progress.ProgressSamples;
import io.bulkcall.time.Durations;

/**
 * A job's progress in words, as {@code bulkcall status} prints it: {@code 412/1,000 calls done, 38/min,
 * about 16 min left}; where every group with calls left waits for its window, when it opens instead.
 * Stateless.
 */
final class ProgressLine {

    private ProgressLine() {
    }

    static String of(JobStatus job) {
        Progress progress = job.progress();
        String done = "%s/%s calls done".formatted(number(progress.done()), number(progress.total()));
        if (job.leftBy() != null) {
            return done + "; left running by a process that is gone (" + job.leftBy()
                    + "): the next run recovers the job from its last checkpoint";
        }
        if (!job.isRunning()) {
            return done;
        }
        if (progress.windowClosed()) {
            return done + ", calling window closed until " + progress.nextOpeningLocal() + " (in "
                    + Durations.human(Duration.between(job.asOf(), progress.nextOpening())) + ")";
        }
        if (progress.perMinute() == null) {
            return done + ", rate known after the next poll";
        }
        if (progress.perMinute() == 0) {
            return done + ", none finished in the last " + Durations.human(ProgressSamples.RATE_WINDOW);
        }
        return done + ", " + rate(progress.perMinute()) + (progress.eta() == null ? "" : ", " + left(progress.eta()));
    }

    /**
     * A group's window in words: {@code open, closes Wed 20:00 (in 9h 50m)}, {@code opens Thu 09:00 (in 9h)};
     * {@code -} once the group has nothing left to dial, for which its window no longer matters.
     */
    static String window(Group group, Instant now) {
        if (!group.hasCallsLeft()) {
            return "-";
        }
        return switch (group.window()) {
            case OPEN -> "open, closes " + group.nextChangeLocal() + in(group.nextChange(), now);
            case CLOSED -> "opens " + group.nextChangeLocal() + in(group.nextChange(), now);
            case NONE -> "no window, dialed at once";
            case NEVER -> "no opening within a year";
        };
    }

    /** {@code 38/min}; under one a minute, per hour: {@code 6/h}. */
    static String rate(double perMinute) {
        if (perMinute >= 9.95) {
            return String.format(Locale.ENGLISH, "%,.0f/min", perMinute);
        }
        if (perMinute >= 1) {
            return String.format(Locale.ENGLISH, "%.1f/min", perMinute);
        }
        double perHour = perMinute * 60;
        return perHour >= 9.95 ? String.format(Locale.ENGLISH, "%.0f/h", perHour)
                : String.format(Locale.ENGLISH, "%.1f/h", perHour);
    }

    /** {@code about 16 min left}, {@code about 2 h 10 min left}, {@code about 3 days left}. */
    static String left(Duration eta) {
        long minutes = Math.round(eta.toSeconds() / 60.0);
        if (minutes < 1) {
            return "less than a minute left";
        }
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        if (minutes < 48 * 60) {
            return minutes % 60 == 0 ? "about " + minutes / 60 + " h left"
                    : "about " + minutes / 60 + " h " + minutes % 60 + " min left";
        }
        return "about " + Math.round(minutes / 1440.0) + " days left";
    }

    private static String in(Instant change, Instant now) {
        return " (in " + Durations.human(Duration.between(now, change)) + ")";
    }

    private static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }
}
