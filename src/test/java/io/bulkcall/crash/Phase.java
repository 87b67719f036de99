package io.bulkcall.crash;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of the bulk-call job, in order, as a kill point names where it lands. Which one a
 * process was in is read from its log file, where Spring Batch writes a line as each step starts.
 */
enum Phase {

    VALIDATE, SUBMIT, AWAIT, RETRY, REPORT;

    private static final Pattern STEP_STARTED = Pattern.compile("Executing step: \\[(\\w+)]");

    /** The log line that says this step started. */
    Pattern started() {
        return Pattern.compile(Pattern.quote("Executing step: [" + stepName() + "]"));
    }

    String stepName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step that started last in this log; {@code null} if none did. */
    static Phase lastStartedIn(String log) {
        Phase last = null;
        Matcher step = STEP_STARTED.matcher(log);
        while (step.find()) {
            last = valueOf(step.group(1).toUpperCase(Locale.ROOT));
        }
        return last;
    }
}
