package io.bulkcall.sandbox;

import java.time.Duration;

/**
 * The knobs of a {@link SandboxSettings} that decide how the simulation goes on: how batches are
 * admitted, how long calls ring and last, which attempts fail. A state folder records them with
 * every change, so its journal replays under the settings each request was applied with, and a
 * changed knob takes effect from the run that changed it.
 *
 * @param seed seeds the stream of call outcomes
 */
record SimulationSettings(int orgConcurrencyLimit, Duration ringDuration, Duration callDuration, double failureRate,
        long seed) {

    static SimulationSettings of(SandboxSettings settings) {
        return new SimulationSettings(settings.orgConcurrencyLimit(), settings.ringDuration(), settings.callDuration(),
                settings.failureRate(), settings.seed());
    }
}
