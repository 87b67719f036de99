package io.bulkcall.job.launch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.bulkcall.database.JobDatabaseFile;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.launch.JobStatus.Group;
import io.bulkcall.job.launch.JobStatus.Progress;
import io.bulkcall.job.launch.JobStatus.Window;
import io.bulkcall.job.progress.ProgressSamples;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.store.WaitingGroup;
import io.bulkcall.window.CallingWindows;
import io.bulkcall.window.Dispatch;
import io.bulkcall.window.Zones;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Reads jobs and their call progress from the job repository and bulkcall's tables, for
 * {@code bulkcall status}. Makes no API call: it shows what the last poll recorded. The rate of calls
 * comes from the progress samples the await step keeps with its checkpoints ({@link ProgressSamples});
 * the windows of the time-zone groups from {@link CallingWindows}. Thread-safe.
 */
@Component
public class JobStatusQuery {

    private static final String AWAIT_STEP = "await";

    private final JobRepository jobRepository;
    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CallingWindows windows;
    private final Clock clock;
    private final JobDatabaseFile databaseFile;
    private final JobLease lease;

    public JobStatusQuery(JobRepository jobRepository, JobRecordRepository jobs, CallBatchRepository batches,
            RecipientRepository recipients, CallingWindows windows, Clock clock, JobDatabaseFile databaseFile,
            JobLease lease) {
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.batches = batches;
        this.recipients = recipients;
        this.windows = windows;
        this.clock = clock;
        this.databaseFile = databaseFile;
        this.lease = lease;
    }

    /** The file of the job database the jobs are read from; empty where it is no H2 file (PostgreSQL). */
    public Optional<Path> databaseFile() {
        return databaseFile.path();
    }

    /**
     * The most recent jobs, newest first. The time-zone groups of a completed job are left out: working
     * them out reads every recipient of the job, and nothing waits in them any more.
     */
    public List<JobStatus> recent(int count) {
        return jobRepository.getJobInstances(BulkCallJob.NAME, 0, count)
            .stream()
            .map(jobRepository::getLastJobExecution)
            .filter(Objects::nonNull)
            .map(execution -> statusOf(execution, execution.getStatus() != BatchStatus.COMPLETED))
            .toList();
    }

    /** The job an execution id belongs to, as of its latest execution, with its time-zone groups. */
    public Optional<JobStatus> of(long executionId) {
        return JobExecutions.find(jobRepository, executionId)
            .map(execution -> jobRepository.getLastJobExecution(execution.getJobInstance()))
            .map(execution -> statusOf(execution, true));
    }

    private JobStatus statusOf(JobExecution execution, boolean withGroups) {
        long jobInstanceId = execution.getJobInstanceId();
        Instant now = clock.instant();
        List<TrackedBatch> all = batches.all(jobInstanceId);
        List<Group> groups = withGroups ? groups(jobInstanceId, all, now) : List.of();
        Map<String, Long> statuses = recipients.countByStatus(jobInstanceId);
        String leftBy = execution.isRunning() && !lease.ownerMayBeAlive(execution)
                ? lease.ownerOf(jobInstanceId).orElse("owner unknown") : null;
        boolean running = execution.isRunning() && leftBy == null;
        LocalDateTime started = execution.getStartTime();
        LocalDateTime ended = execution.getEndTime() != null ? execution.getEndTime()
                : running ? LocalDateTime.now() : lastRecorded(execution);
        return new JobStatus(execution.getId(), jobInstanceId, InputFile.from(execution.getJobParameters()).name(),
                execution.getStatus().name(), leftBy, lastExit(execution), all,
                statuses.getOrDefault("completed", 0L), statuses.getOrDefault("failed", 0L), started,
                started == null ? Duration.ZERO : Duration.between(started, ended),
                progress(execution, running, all, groups), groups,
                now);
    }

    /** When the job or one of its steps last recorded its progress: all a job whose process is gone ran for. */
    private static LocalDateTime lastRecorded(JobExecution execution) {
        return Stream.concat(Stream.of(execution.getLastUpdated()),
                execution.getStepExecutions().stream().map(StepExecution::getLastUpdated))
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(execution.getStartTime());
    }

    /**
     * Why the job ended, as its execution recorded it; for a stopped job {@code bulkcall cancel}
     * cancelled, that it was, and what a restart still does: its execution recorded only that it
     * stopped. A failure keeps its own line, which names what to fix.
     */
    private String lastExit(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.STOPPED && jobs.isCancelled(execution.getJobInstanceId())) {
            return "cancelled by bulkcall cancel: no further call is made; `bulkcall restart %d` collects the outcomes of the calls made and writes the reports"
                .formatted(execution.getId());
        }
        return execution.getExitStatus().getExitDescription();
    }

    /** @param running whether the job runs: not when the process the database says runs it is gone */
    private Progress progress(JobExecution execution, boolean running, List<TrackedBatch> all, List<Group> groups) {
        long done = all.stream().mapToLong(TrackedBatch::callsFinished).sum();
        long total = all.stream().mapToLong(TrackedBatch::calls).sum() + groups.stream().mapToLong(Group::waiting).sum();
        ProgressSamples samples = samples(execution);
        Double perMinute = running && samples.perMinute().isPresent() ? samples.perMinute().getAsDouble() : null;
        Optional<Group> nextToOpen = running ? nextToOpen(groups) : Optional.empty();
        Duration eta = perMinute == null || perMinute <= 0 || nextToOpen.isPresent() ? null
                : Duration.ofSeconds(Math.round(Math.max(0, total - done) * 60 / perMinute));
        return new Progress(done, total, perMinute, eta, nextToOpen.map(Group::nextChange).orElse(null),
                nextToOpen.map(Group::zones).orElse(null),
                nextToOpen.map(group -> windows.local(group.nextChange(), zonesOf(group.zones()))).orElse(null),
                samples.lastAt().orElse(null));
    }

    /** The samples of the latest job execution's await step; none before its first poll. */
    private ProgressSamples samples(JobExecution execution) {
        StepExecution await = jobRepository.getLastStepExecution(execution.getJobInstance(), AWAIT_STEP);
        if (await == null || await.getJobExecutionId() != execution.getId()) {
            return ProgressSamples.NONE;
        }
        return ProgressSamples.parse(await.getExecutionContext().getString(ProgressSamples.KEY, ""));
    }

    /** Where every group with calls left waits for its window, the one that opens first. */
    private static Optional<Group> nextToOpen(List<Group> groups) {
        List<Group> left = groups.stream().filter(Group::hasCallsLeft).toList();
        if (left.isEmpty() || left.stream().anyMatch(group -> group.window() != Window.CLOSED)) {
            return Optional.empty();
        }
        return left.stream().min(Comparator.comparing(Group::nextChange));
    }

    /** The job's groups, largest first: who waits in each, and how its batches are doing. */
    private List<Group> groups(long jobInstanceId, List<TrackedBatch> all, Instant now) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (WaitingGroup waiting : recipients.waitingGroups(jobInstanceId)) {
            counts.computeIfAbsent(key(waiting.zones()), zones -> new long[4])[0] += waiting.recipients();
        }
        for (TrackedBatch batch : all) {
            long[] group = counts.computeIfAbsent(key(batch.zones()), zones -> new long[4]);
            group[1] += batch.queued();
            group[2] += batch.inFlight();
            group[3] += batch.callsFinished();
        }
        return counts.entrySet()
            .stream()
            .map(entry -> group(entry.getKey(), entry.getValue(), now))
            .sorted(Comparator.comparingLong((Group group) -> -(group.waiting() + group.queued() + group.dialed()
                    + group.finished())).thenComparing(Group::zones))
            .toList();
    }

    private Group group(String zones, long[] counts, Instant now) {
        Optional<Dispatch> dispatch = windows.dispatch(zonesOf(zones), now);
        Window window;
        Instant change;
        if (dispatch.isEmpty()) {
            window = Window.NEVER;
            change = null;
        }
        else if (dispatch.get().isOpen(now)) {
            change = dispatch.get().windowEnd();
            window = change == null ? Window.NONE : Window.OPEN;
        }
        else {
            window = Window.CLOSED;
            change = dispatch.get().scheduledAt() != null ? dispatch.get().scheduledAt() : dispatch.get().createAt();
        }
        String local = change == null ? null : windows.localTime(change, zonesOf(zones));
        return new Group(zones, window, change, local, counts[0], counts[1], counts[2], counts[3]);
    }

    private static String key(String zones) {
        return zones == null ? Zones.WINDOWS_OFF : zones;
    }

    /** The {@code Zones} key {@link CallingWindows} takes: {@code null} for recipients without a window. */
    private static String zonesOf(String key) {
        return Zones.WINDOWS_OFF.equals(key) ? null : key;
    }
}
