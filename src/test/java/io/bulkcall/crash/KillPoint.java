package io.bulkcall.crash;

import java.time.Duration;
import java.util.regex.Pattern;

import io.bulkcall.sandbox.SandboxEndpoint;

/**
 * A moment to SIGKILL bulkcall at, with the step it must land in and a name that says where.
 *
 * @param jobLeftRunning whether the job is surely still running at that moment, so that the next run
 *        has to recover it; not so once the report is written, when the job may have completed
 */
record KillPoint(String name, Phase phase, Trigger trigger, boolean jobLeftRunning) {

    /** As the step starts, or {@code millis} later. */
    static KillPoint intoStep(Phase phase, long millis) {
        return new KillPoint("%s, %d ms after it started".formatted(phase.stepName(), millis), phase,
                new Trigger.OnLogLine(phase.started(), Duration.ofMillis(millis)), true);
    }

    /** When Cartesia applied the request and bulkcall has no answer yet. */
    static KillPoint beforeAnswer(Phase phase, SandboxEndpoint endpoint, long ordinal) {
        return new KillPoint("%s, %s #%d applied, answer not sent".formatted(phase.stepName(), endpoint, ordinal),
                phase, new Trigger.OnRequest(endpoint, ordinal, null), true);
    }

    /** {@code millis} after Cartesia answered the request: while bulkcall records it. */
    static KillPoint afterAnswer(Phase phase, SandboxEndpoint endpoint, long ordinal, long millis) {
        return new KillPoint("%s, %d ms after %s #%d was answered".formatted(phase.stepName(), millis, endpoint,
                ordinal), phase, new Trigger.OnRequest(endpoint, ordinal, Duration.ofMillis(millis)), true);
    }

    /** {@code millis} after a line of bulkcall's own shows up in its log. */
    static KillPoint afterLine(Phase phase, String line, long millis, boolean jobLeftRunning) {
        return new KillPoint("%s, %d ms after \"%s\"".formatted(phase.stepName(), millis, line), phase,
                new Trigger.OnLogLine(Pattern.compile(Pattern.quote(line)), Duration.ofMillis(millis)),
                jobLeftRunning);
    }

    @Override
    public String toString() {
        return name;
    }
}
