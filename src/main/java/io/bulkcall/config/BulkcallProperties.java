package io.bulkcall.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.bulkcall.window.CallingWindowSettings;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of bulkcall, bound from {@code bulkcall.*} and validated at start-up, before the
 * job database or the network is touched, so a bad value stops the run before anything happens.
 * Settings that only a command that dials needs are in the {@link Dialing} group.
 *
 * @param agentId the Cartesia agent that handles the calls
 * @param fromNumberId the Cartesia phone number the calls are placed from
 * @param inputDir where operators drop CSV files; {@code processed/} and {@code failed/} live below it
 * @param outputDir where each job writes {@code rejected.csv}, {@code results.csv} and {@code summary.json}
 * @param inputQuietPeriod how long a file in the input folder must be unchanged before a scan takes it,
 *     so that a file still being copied in is left for the next run
 * @param input how input files are read: their delimiter, sheet and number column
 * @param cartesia how to reach the Cartesia API
 * @param batch the options of each call batch
 * @param validation the rules a row must pass to be dialed
 * @param poll how the job waits for calls to finish
 * @param redial the redial rounds after the first pass: which outcomes, after how long
 * @param database how the job database is opened
 * @param stop how long Ctrl-C or SIGTERM gives the run to stop
 * @param callingWindow when each recipient may be called, in their own local time
 * @param contactPolicy how often one number may be dialed, across files, jobs and nodes
 * @param retention how long the recipients of ended jobs are kept
 * @param results what each job's reports hold beyond {@code results.csv} and {@code summary.json}
 * @param columns which of a file's columns are kept away from Cartesia
 */
@Validated
@ConfigurationProperties("bulkcall")
public record BulkcallProperties(
        @NotBlank(groups = Dialing.class) String agentId,
        @NotBlank(groups = Dialing.class) String fromNumberId,
        @DefaultValue("input") @NotNull Path inputDir,
        @DefaultValue("output") @NotNull Path outputDir,
        @DefaultValue("5s") @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration inputQuietPeriod,
        @DefaultValue @Valid Input input,
        @DefaultValue @Valid Cartesia cartesia,
        @DefaultValue @Valid Batch batch,
        @DefaultValue @Valid Validation validation,
        @DefaultValue @Valid Poll poll,
        @DefaultValue @Valid Redial redial,
        @DefaultValue @Valid Database database,
        @DefaultValue @Valid Stop stop,
        @DefaultValue @Valid @NestedConfigurationProperty CallingWindowSettings callingWindow,
        @DefaultValue @Valid ContactPolicy contactPolicy,
        @DefaultValue @Valid Retention retention,
        @DefaultValue @Valid Results results,
        @DefaultValue @Valid Columns columns) {

    /** The rule of a wait: {@code 0s} is none, and a negative one means nothing. */
    public static final String NOT_NEGATIVE = "must not be negative";

    /**
     * The rule of a timeout and of the poll interval: {@code 0s} would time out every request before it
     * is sent, or poll Cartesia without a pause.
     */
    public static final String POSITIVE = "must be longer than 0s";

    /**
     * @param delimiter what separates the cells of a CSV file: {@code auto} (comma, semicolon or tab,
     *     whichever the header line and the lines after it are split by), {@code ,}, {@code ;} or {@code tab}
     * @param sheet the sheet of a workbook ({@code .xlsx}) to read, by name; unset, the first sheet not hidden
     * @param numberColumn the header of the number column, for files without a {@code to_number} column
     *     (which always wins) whose number column has a name of its own ({@code Contact Mobile}), or two
     *     of the usual names ({@code Phone} and {@code Mobile}); case, spaces, {@code -} and {@code _} ignored
     */
    public record Input(
            @DefaultValue("auto") @NotNull @Pattern(regexp = "(?i)auto|,|;|tab", message = "must be auto, \",\", \";\" or tab") String delimiter,
            String sheet,
            String numberColumn) {
    }

    /**
     * @param baseUrl the API's root URL; tests and the sandbox point it elsewhere
     * @param version the {@code Cartesia-Version} header, {@link CartesiaVersion}: what the columns become
     * @param apiKey the API key, from {@code CARTESIA_API_KEY}; required outside the sandbox
     * @param connectTimeout how long to wait for a TCP connection
     * @param responseTimeout how long to wait for a response once the request is sent
     * @param maxAttempts attempts of an idempotent request (GET, List, Cancel) before giving up
     * @param initialBackoff the first wait between attempts; doubled each time, with jitter
     * @param maxBackoff the longest wait between attempts, {@code Retry-After} included
     */
    public record Cartesia(
            @DefaultValue("https://api.cartesia.ai") @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
            @DefaultValue("2026-03-01") @NotNull @Pattern(regexp = "2026-03-01|2026-08-14", message = "must be 2026-03-01 (columns go to metadata, for a code-deployed agent) or 2026-08-14 (columns go to dynamic_variables, for a managed agent's {{variables}})") String version,
            ApiKey apiKey,
            @DefaultValue("5s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = POSITIVE) Duration connectTimeout,
            @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = POSITIVE) Duration responseTimeout,
            @DefaultValue("5") @Min(1) @Max(20) int maxAttempts,
            @DefaultValue("500ms") @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration initialBackoff,
            @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration maxBackoff) {

        public CartesiaVersion cartesiaVersion() {
            return CartesiaVersion.of(version);
        }
    }

    /**
     * @param size recipients per call batch (the API takes at most 1,000)
     * @param targetConcurrencyLimit calls of one batch dialed at once; sent only when set
     * @param ringingTimeoutSeconds seconds to wait for an answer; sent only when set
     * @param maxCallDurationMinutes longest call; sent only when set
     * @param scheduledAt no call is dialed before this instant (RFC 3339 with an offset); each group's
     *     batches start at the first opening of its calling window after it, with {@code scheduled_at}
     *     when they are created ahead; one in the past has no effect
     */
    public record Batch(
            @DefaultValue("1000") @Min(1) @Max(1000) int size,
            @Min(1) Integer targetConcurrencyLimit,
            @Min(5) @Max(80) Integer ringingTimeoutSeconds,
            @Min(1) @Max(480) Integer maxCallDurationMinutes,
            OffsetDateTime scheduledAt) {
    }

    /**
     * @param defaultRegion ISO 3166 region for numbers written without a leading {@code +}, in any case
     *     ({@code gb} is {@code GB})
     * @param maxRejectRatio above this share of rejected rows the file is not dialed at all
     * @param doNotCallFile a CSV or plain list of numbers never to dial
     */
    public record Validation(
            @DefaultValue("US") @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter region code such as US or GB") String defaultRegion,
            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax(value = "1.0", message = "must be a share, at most 1.0: 0.1 is 10%") double maxRejectRatio,
            Path doNotCallFile) {

        public Validation {
            defaultRegion = defaultRegion == null ? null : defaultRegion.strip().toUpperCase(Locale.ROOT);
        }
    }

    /**
     * @param interval the wait between two polls of the batches
     * @param maxWait how long one run of a job waits (for calls to end, for windows to open) before it
     *     stops, restartable; a week, since a job whose recipients' windows open on several days runs
     *     for days
     */
    public record Poll(
            @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = POSITIVE) Duration interval,
            @DefaultValue("7d") @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration maxWait) {
    }

    /**
     * @param rounds redial rounds after the first pass: {@code 2} dials a person at most three times
     *     (the old name {@code bulkcall.retry.max-attempts} still works)
     * @param delay the wait before a recipient is redialed, counted from the end of its call (the old
     *     name {@code bulkcall.retry.delay} still works)
     * @param outcomes the outcomes that are redialed ({@link RedialOutcome}); a completed call never is
     * @param delayAfter the wait for one outcome, by the outcome's name, in place of {@code delay}
     */
    public record Redial(
            @DefaultValue("0") @Min(0) @Max(10) int rounds,
            @DefaultValue("15m") @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration delay,
            @DefaultValue({ "dial_no_answer", "dial_busy", "dial_failed", "error", "other", "not_placed" }) List<String> outcomes,
            Map<String, @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration> delayAfter) {

        /**
         * Outcomes are kept as the settings write them ({@code dial_busy}) whatever spelling named them
         * ({@code DIALBUSY} from an environment variable), so that a redial looks them up as they are;
         * a key written both ways is one setting to Spring Boot, bound to one value.
         */
        public Redial {
            outcomes = outcomes.stream().map(RedialOutcome::asSetting).toList();
            delayAfter = delayAfter == null ? Map.of()
                    : Map.copyOf(delayAfter.entrySet()
                        .stream()
                        .collect(Collectors.toMap(named -> RedialOutcome.asSetting(named.getKey()), Map.Entry::getValue,
                                (one, same) -> one)));
        }

        /** Whether a failed attempt of this outcome is redialed while rounds remain. */
        public boolean redials(RedialOutcome outcome) {
            return outcomes.contains(outcome.setting());
        }

        /** How long after its call ended a recipient of this outcome is redialed. */
        public Duration delayAfter(RedialOutcome outcome) {
            return delayAfter.getOrDefault(outcome.setting(), delay);
        }
    }

    /**
     * @param openTimeout how long to keep trying to open an H2 job database that another program
     *     holds before giving up with exit code 2; bulkcall processes themselves take turns and never
     *     wait this long for each other
     */
    public record Database(@DefaultValue("30s") @NotNull @DurationMin(nanos = 0, message = NOT_NEGATIVE) Duration openTimeout) {
    }

    /**
     * @param timeout how long after Ctrl-C or SIGTERM the process may take to end: the job stops, cancels
     *     what its batches have queued at Cartesia as far as this allows, and the process exits within it
     *     whatever Cartesia does; a service manager's own stop timeout should be longer
     */
    public record Stop(@DefaultValue("30s") @NotNull @DurationMin(seconds = 5) Duration timeout) {
    }

    /**
     * @param maxDials dials of one number allowed within the period, counted across every job, file and
     *     node that shares the job database; 0 turns the policy off
     * @param period the rolling period the dials are counted in ({@code 7d} for Regulation F)
     */
    public record ContactPolicy(
            @DefaultValue("3") @Min(0) int maxDials,
            @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration period) {

        public boolean isOn() {
            return maxDials > 0;
        }
    }

    /**
     * @param recipients how long after a job ended its recipients (numbers and metadata) are kept in the
     *     job database; {@code bulkcall run} purges older ones as it starts, {@code bulkcall purge} on demand
     */
    public record Retention(@DefaultValue("90d") @NotNull @DurationMin(hours = 1) Duration recipients) {
    }

    /**
     * @param transcripts whether each job writes {@code transcripts.jsonl}: every call's turns, which are
     *     personal data, so off unless asked for
     */
    public record Results(@DefaultValue("false") boolean transcripts) {
    }

    /**
     * @param notSent column headers never sent to Cartesia, whatever the version: compared ignoring case
     *     and spaces around; they stay in {@code results.csv}
     */
    public record Columns(@DefaultValue List<String> notSent) {

        public Columns {
            notSent = notSent == null ? List.of() : List.copyOf(notSent);
        }
    }
}
