package io.bulkcall.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.bulkcall.config.BulkcallProperties;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * Every knob of a {@link SandboxServer}. The {@code sandbox} profile binds them from
 * {@code bulkcall.sandbox.*} ({@code application-sandbox.yml} tunes them for the sample file);
 * tests start from {@link #defaults()} and change what they exercise with {@link #with}. Either
 * way the defaults are those the annotations name, and the same rules hold. Immutable.
 *
 * @param port the local port to listen on, {@code 0} for any free one
 * @param agentId the only agent id Create Call Batch accepts (others get 404); {@code null} or empty
 *        for any
 * @param fromNumberId the only phone number id Create Call Batch accepts; {@code null} or empty for any
 * @param orgConcurrencyLimit the organization's agent-call concurrency limit that admitted batches
 *        reserve their {@code target_concurrency_limit} from
 * @param ringDuration how long a dispatched call rings before it is answered or goes unanswered
 * @param callDuration how long an answered call lasts
 * @param failureRate the probability that a call attempt fails, before dialing or unanswered
 * @param faultRate the probability that any request is answered 500, 503 or 429 without being applied
 * @param lostResponseRate the probability that a Create or Retry Call Batch is applied and its
 *        connection then dropped without a response
 * @param seed seeds call outcomes and injected faults, so a run is repeatable
 * @param welcomeMessage what the simulated agent says first on every answered call, and opens its
 *        summary with: {@code {{name}}} (spaces inside the braces allowed) stands for the recipient's
 *        dynamic variable of that name, and stays as it is when the recipient has none, as a
 *        managed agent leaves it
 * @param stateDir the folder the {@code sandbox} profile keeps the sandbox's batches in across runs,
 *        relative to the working directory like the job database; empty to keep them in memory only.
 *        A server built by hand is given its folder, or none, by its constructor.
 * @param start where the {@code sandbox} profile starts the simulated clock, to play a night or a
 *        weekend at any hour; unset for now. Either way a sandbox that kept its batches resumes from
 *        its last run's time if that is later.
 */
@Profile("sandbox")
@Validated
@ConfigurationProperties("bulkcall.sandbox")
public record SandboxSettings(
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("agent_sandbox") String agentId,
        @DefaultValue("ap_sandbox") String fromNumberId,
        @DefaultValue("8") @Min(1) int orgConcurrencyLimit,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0, message = BulkcallProperties.NOT_NEGATIVE) Duration ringDuration,
        @DefaultValue("3s") @NotNull @DurationMin(nanos = 0, message = BulkcallProperties.NOT_NEGATIVE) Duration callDuration,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double failureRate,
        @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double faultRate,
        @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double lostResponseRate,
        @DefaultValue("42") long seed,
        @DefaultValue(DEFAULT_WELCOME_MESSAGE) @NotNull String welcomeMessage,
        @DefaultValue("data/sandbox-cartesia") String stateDir,
        Instant start) {

    static final String DEFAULT_WELCOME_MESSAGE =
            "Hi {{first_name}}, this is a reminder of your appointment on {{appointment_date}}.";

    /** What binding gives when nothing is set: the annotations' defaults, read once. */
    private static final SandboxSettings DEFAULTS = new Binder().bindOrCreate("bulkcall.sandbox",
            SandboxSettings.class);

    /** An empty id is an unset one: either accepts any. */
    public SandboxSettings {
        agentId = agentId == null || agentId.isBlank() ? null : agentId;
        fromNumberId = fromNumberId == null || fromNumberId.isBlank() ? null : fromNumberId;
    }

    /**
     * A free port, the ids {@code agent_sandbox} and {@code ap_sandbox}, the Free plan's limit of 8
     * concurrent calls, one-second rings, three-second calls, one attempt in five failing, no faults,
     * an agent that reminds {@code {{first_name}}} of the appointment on {@code {{appointment_date}}}:
     * the settings of a {@code sandbox} profile that sets none.
     */
    public static SandboxSettings defaults() {
        return DEFAULTS;
    }

    /**
     * These settings with the changes {@code changes} makes to their {@link Builder}, e.g.
     * {@code defaults().with(sandbox -> sandbox.failureRate = 0)}.
     *
     * @throws IllegalArgumentException naming every knob that breaks its rule, as the profile would
     */
    public SandboxSettings with(Consumer<Builder> changes) {
        Builder builder = new Builder();
        changes.accept(builder);
        return builder.build();
    }

    /** The folder to keep the sandbox's state in, {@code null} to keep it in memory. */
    public Path stateFolder() {
        return stateDir == null || stateDir.isBlank() ? null : Path.of(stateDir);
    }

    /** Whether Create Call Batch accepts this agent id. */
    boolean acceptsAgent(String id) {
        return agentId == null || agentId.equals(id);
    }

    /** Whether Create Call Batch accepts this phone number id. */
    boolean acceptsFromNumber(String id) {
        return fromNumberId == null || fromNumberId.equals(id);
    }

    /** The {@code target_concurrency_limit} of a batch that sends none: half the org limit, at least 1. */
    int defaultTargetConcurrencyLimit() {
        return Math.max(1, orgConcurrencyLimit / 2);
    }

    /**
     * A {@link SandboxSettings} being changed by {@link #with}: a field a knob, holding its value
     * until a change sets another, checked as a whole once the change is done. The profile's own
     * {@code stateDir} and {@code start} are not among them: a server built by hand is given its
     * folder and its clock by its constructor.
     */
    public final class Builder {

        /** Made on the first change, so that the profile, which validates through Spring, never makes it. */
        private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

        public int port = SandboxSettings.this.port;
        public String agentId = SandboxSettings.this.agentId;
        public String fromNumberId = SandboxSettings.this.fromNumberId;
        public int orgConcurrencyLimit = SandboxSettings.this.orgConcurrencyLimit;
        public Duration ringDuration = SandboxSettings.this.ringDuration;
        public Duration callDuration = SandboxSettings.this.callDuration;
        public double failureRate = SandboxSettings.this.failureRate;
        public double faultRate = SandboxSettings.this.faultRate;
        public double lostResponseRate = SandboxSettings.this.lostResponseRate;
        public long seed = SandboxSettings.this.seed;
        public String welcomeMessage = SandboxSettings.this.welcomeMessage;

        private Builder() {
        }

        private SandboxSettings build() {
            SandboxSettings settings = new SandboxSettings(port, agentId, fromNumberId, orgConcurrencyLimit,
                    ringDuration, callDuration, failureRate, faultRate, lostResponseRate, seed, welcomeMessage,
                    SandboxSettings.this.stateDir, SandboxSettings.this.start);
            String broken = VALIDATOR.validate(settings).stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage() + ": "
                            + violation.getInvalidValue())
                    .sorted()
                    .collect(Collectors.joining("; "));
            if (!broken.isEmpty()) {
                throw new IllegalArgumentException(broken);
            }
            return settings;
        }
    }
}
