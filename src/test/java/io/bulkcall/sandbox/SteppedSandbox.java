package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox of the tests that step a simulated clock through a batch's life: the clock starts at
 * {@link #START}, and calls ring 10 s and last 60 s, long enough to look at each state between two
 * steps; every call is answered unless a test sets a failure rate of its own.
 */
final class SteppedSandbox {

    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    static final SandboxSettings SETTINGS = SandboxSettings.defaults().with(sandbox -> {
        sandbox.ringDuration = Duration.ofSeconds(10);
        sandbox.callDuration = Duration.ofSeconds(60);
        sandbox.failureRate = 0;
    });

    private SteppedSandbox() {
    }
}
