package io.bulkcall.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The knobs of the sandbox, bound from {@code bulkcall.sandbox.*} when the {@code sandbox}
 * profile is active. The defaults equal {@link SandboxSettings#defaults()};
 * {@code application-sandbox.yml} tunes them so the sample file finishes in seconds.
 *
 * @param port the local port, {@code 0} for any free one
 * @param agentId the only agent id Create Call Batch accepts; empty to accept any
 * @param fromNumberId the only phone number id Create Call Batch accepts; empty to accept any
 * @param orgConcurrencyLimit the organization's concurrent-call limit that batches reserve from
 * @param ringDuration how long a call rings before it is answered or goes unanswered
 * @param callDuration how long an answered call lasts
 * @param failureRate the share of call attempts that fail, before dialing or unanswered
 * @param faultRate the share of requests answered 500, 503 or 429 without being applied
 * @param lostResponseRate the share of Create and Retry Call Batch requests applied whose response is lost
 * @param seed seeds call outcomes and faults, so runs repeat
 * @param stateDir the folder the sandbox keeps its batches in across runs, relative to the working
 *        directory like the job database; empty to keep them in memory only
 * @param start where the simulated clock starts, to play a night or a weekend at any hour; unset for
 *        now. Either way a sandbox that kept its batches resumes from its last run's time if that is later.
 */
@Validated
@ConfigurationProperties("bulkcall.sandbox")
public record SandboxProperties(
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("agent_sandbox") String agentId,
        @DefaultValue("ap_sandbox") String fromNumberId,
        @DefaultValue("8") @Min(1) int orgConcurrencyLimit,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0) Duration ringDuration,
        @DefaultValue("3s") @NotNull @DurationMin(nanos = 0) Duration callDuration,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double failureRate,
        @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double faultRate,
        @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double lostResponseRate,
        @DefaultValue("42") long seed,
        @DefaultValue("data/sandbox-cartesia") String stateDir,
        Instant start) {

    /** The settings of the server these properties describe. */
    public SandboxSettings toSettings() {
        return new SandboxSettings(port, blankToAny(agentId), blankToAny(fromNumberId), orgConcurrencyLimit,
                ringDuration, callDuration, failureRate, faultRate, lostResponseRate, seed);
    }

    /** The folder to keep the sandbox's state in, {@code null} to keep it in memory. */
    public Path stateFolder() {
        return stateDir == null || stateDir.isBlank() ? null : Path.of(stateDir);
    }

    private static String blankToAny(String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
