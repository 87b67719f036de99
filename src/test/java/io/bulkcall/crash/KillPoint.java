package io.bulkcall.crash;

import java.time.Duration;
import java.util.regex.Pattern;

import io.bulkcall.sandbox.SandboxEndpoint;

/** A moment to SIGKILL bulkcall at, with the step it must land in and a name that says where. */
record KillPoint(String name, Phase phase, Trigger trigger) {

    /** As the step starts, or {@code millis} later. */
    static KillPoint intoStep(Phase phase, long millis) {
        return new KillPoint("%s, %d ms after it started".formatted(phase.stepName(), millis), phase,
                new Trigger.OnLogLine(phase.started(), Duration.ofMillis(millis)));
    }

    /** When Cartesia applied the request and bulkcall has no answer yet. */
    static KillPoint beforeAnswer(Phase phase, SandboxEndpoint endpoint, long ordinal) {
        return new KillPoint("%s, %s #%d applied, answer not sent".formatted(phase.stepName(), endpoint, ordinal),
                phase, new Trigger.OnRequest(endpoint, ordinal, null));
    }

    /** {@code millis} after Cartesia answered the request: while bulkcall records it. */
    static KillPoint afterAnswer(Phase phase, SandboxEndpoint endpoint, long ordinal, long millis) {
        return new KillPoint("%s, %d ms after %s #%d was answered".formatted(phase.stepName(), millis, endpoint,
                ordinal), phase, new Trigger.OnRequest(endpoint, ordinal, Duration.ofMillis(millis)));
    }

    /**
     * In a poll of {@code await}, once the outcomes of that many finished batches are recorded (each
     * batch's line is logged after its transaction committed), while the others are read or recorded.
     */
    static KillPoint afterBatchesRecorded(int batches) {
        return new KillPoint("await, once a poll recorded %d finished batches".formatted(batches), Phase.AWAIT,
                new Trigger.OnLogLine(Pattern.compile("(?s)(Call batch \\S+ ended with .*?){" + batches + "}"),
                        Duration.ZERO));
    }

    @Override
    public String toString() {
        return name;
    }
}
