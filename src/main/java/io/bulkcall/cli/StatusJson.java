package io.bulkcall.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bulkcall.job.launch.JobStatus;
import io.bulkcall.job.launch.JobStatus.Group;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.window.Zones;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bulkcall status --json}: the same data as {@link StatusTable}, for scripts and monitoring.
 * {@code status --json} prints {@code {"jobs": [...]}}; {@code status JOB --json} prints that job's object
 * alone, with its {@code groups} and {@code batches}. Keys in snake_case, instants in ISO-8601 UTC, a
 * value not known yet as {@code null}. Stateless.
 */
final class StatusJson {

    private static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private StatusJson() {
    }

    static void jobs(List<JobStatus> jobs, PrintWriter out) {
        print(new Jobs(jobs.stream().map(job -> JobJson.of(job, false)).toList()), out);
    }

    static void job(JobStatus job, PrintWriter out) {
        print(JobJson.of(job, true), out);
    }

    private static void print(Object value, PrintWriter out) {
        out.println(JSON.writeValueAsString(value));
        out.flush();
    }

    record Jobs(List<JobJson> jobs) {
    }

    /**
     * One job.
     *
     * @param job the execution id that {@code restart} and {@code cancel} take
     * @param leftBy the process that left it running and is gone; {@code null} but for such a job
     * @param ratePerMinute calls done per minute over the last polls
     * @param etaSeconds how long the calls left should take at that rate; {@code null} when not running,
     *        without a rate, or while the calling window is closed
     * @param nextOpening when dialing resumes, while every group with calls left waits for its window
     * @param progress the line {@code status} prints
     */
    record JobJson(long job, long jobInstance, String file, String state, String leftBy, String lastExit, Instant startedAt,
            long durationSeconds, long batchesFinished, long batchesTotal, long callsDone, long callsTotal, long completed,
            long failed, Double ratePerMinute, Long etaSeconds, boolean windowClosed, Instant nextOpening,
            String nextOpeningZones, Instant lastPollAt, String progress,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupJson> groups,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<BatchJson> batches) {

        static JobJson of(JobStatus job, boolean detailed) {
            var progress = job.progress();
            String exit = job.exitDescription() == null || job.exitDescription().isBlank() ? null
                    : job.exitDescription().lines().findFirst().orElse(null);
            return new JobJson(job.executionId(), job.jobInstanceId(), job.file(), job.state(), job.leftBy(), exit,
                    job.started() == null ? null
                            : job.started().atZone(ZoneId.systemDefault()).toInstant().truncatedTo(ChronoUnit.SECONDS),
                    job.duration().toSeconds(), job.batchesFinished(), job.batches().size(), progress.done(),
                    progress.total(), job.completed(), job.failed(),
                    progress.perMinute() == null ? null : Math.round(progress.perMinute() * 10) / 10.0,
                    progress.eta() == null ? null : progress.eta().toSeconds(), progress.windowClosed(),
                    progress.nextOpening(), progress.nextOpeningZones(), progress.lastPollAt(), ProgressLine.of(job),
                    detailed ? job.groups().stream().map(GroupJson::of).toList() : null,
                    detailed ? job.batches().stream().map(BatchJson::of).toList() : null);
        }
    }

    /**
     * One time-zone group.
     *
     * @param zones its zones, one or more; empty for recipients staged with calling windows off
     * @param window {@code open}, {@code closed}, {@code none} (no window: dialed at once) or {@code never}
     *        (no opening within a year)
     * @param nextChange when it closes (open) or opens (closed)
     */
    record GroupJson(List<String> zones, String window, Instant nextChange, String nextChangeLocal, long waiting,
            long queued, long dialed, long finished) {

        static GroupJson of(Group group) {
            return new GroupJson(Zones.WINDOWS_OFF.equals(group.zones()) ? List.of()
                    : Zones.parse(group.zones()).ids().stream().map(ZoneId::getId).toList(),
                    group.window().name().toLowerCase(Locale.ROOT), group.nextChange(), group.nextChangeLocal(),
                    group.waiting(), group.queued(), group.dialed(), group.finished());
        }
    }

    /** One call batch, as the last poll saw it. */
    record BatchJson(int batchNo, String batchId, String name, String status, String zones, int redialRound,
            int recipients, int callsScheduled, int callsDispatched, int callsFinished, int retryCount,
            Instant scheduledAt, Instant closesAt, Instant cancelledAt, boolean finished) {

        static BatchJson of(TrackedBatch batch) {
            return new BatchJson(batch.batchNo(), batch.batchId(), batch.name(), batch.status(), batch.zones(),
                    batch.redialRound(), batch.recipients(), batch.callsScheduled(), batch.callsDispatched(),
                    batch.callsFinished(), batch.retryCount(), batch.scheduledAt(), batch.closesAt(),
                    batch.cancelledAt(), batch.finished());
        }
    }
}
