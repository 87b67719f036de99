package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.store.WaitingGroup;
import io.bulkcall.metrics.BulkcallMetrics;
import io.bulkcall.time.Durations;
import io.bulkcall.time.Waiter;
import io.bulkcall.validation.Counts;
import io.bulkcall.window.CallingWindows;
import io.bulkcall.window.Dispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Watches a job's calls, inside their recipients' calling windows, until nothing is left to dial. One
 * poll per {@code execute()}, so each poll is a checkpoint:
 * <ul>
 * <li>a batch whose window closes within the closing margin has its queued calls cancelled; once its
 * calls have all ended, the recipients it never dialed wait for the group's next opening;</li>
 * <li>the progress of the other open batches is read with List Call Batches, and each batch whose calls
 * have all ended is recorded, outcomes, call details, redials and all, in a transaction of its own
 * ({@link FinishedBatchRecorder}), with a line every {@link #PROGRESS_EVERY} while a poll records many;</li>
 * <li>once a waiting group's batches are due (its window opens, its redials' delay is over), the step
 * ends with exit status {@link #SUBMIT}, and the flow creates them; once a batch's Retry Call Batch is
 * due, with {@link #RETRY}; once nothing is open, waiting or due, it ends COMPLETED.</li>
 * </ul>
 * Between polls it waits {@code bulkcall.poll.interval}, or less when a window closes or something falls
 * due sooner. While no batch has a call queued or in flight, it waits for the next thing due, however far
 * off, in one wait (in the sandbox, one jump of its clock), writing nothing; it looks at whether the job
 * was cancelled from another process every {@code bulkcall.poll.interval}, with a read. The step holds no
 * database transaction of its own (its recording has its own), so none stays open while it waits. After
 * {@code bulkcall.poll.max-wait} in one job execution it stops the job, restartable. A stop request
 * (Ctrl-C, SIGTERM, {@code bulkcall cancel}) marks the step execution terminate-only, which ends a wait
 * at once. Stateless: what it knows between polls is in the step's ExecutionContext.
 */
@Component
public class AwaitCallsTasklet implements CartesiaTasklet {

    /** The exit status of an await that ended because waiting recipients are due for their batches. */
    public static final ExitStatus SUBMIT = new ExitStatus("SUBMIT");

    /** The exit status of an await that ended because a batch's Retry Call Batch is due. */
    public static final ExitStatus RETRY = new ExitStatus("RETRY");

    /**
     * How often a poll that records many finished batches says how far it got, and how often at most a
     * line says only that more calls ended, in the machine's time: it is for the person watching.
     */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AwaitCallsTasklet.class);
    /** Job context keys: when this job execution began to wait for calls, and which execution that is. */
    private static final String WAITING_SINCE = "bulkcall.waiting.since";
    private static final String WAITING_EXECUTION = "bulkcall.waiting.execution";
    private static final String POLLS = "polls";
    private static final String POLLED_BY = "polled.by";
    private static final String NEXT_DUE = "next.due";
    private static final String ANY_WAITING = "waiting";
    private static final String ANNOUNCED = "bulkcall.announced";
    private static final String PROGRESS = "progress";
    private static final String PROGRESS_LOGGED_AT = "progress.logged.at";

    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final BatchProgressPoller poller;
    private final CallBatchCanceller canceller;
    private final FinishedBatchRecorder recorder;
    private final ReportFolders reportFolders;
    private final CallingWindows windows;
    private final BulkcallProperties.Poll settings;
    private final Clock clock;
    private final Waiter waiter;
    private final BulkcallMetrics metrics;

    public AwaitCallsTasklet(CallBatchRepository batches, RecipientRepository recipients, JobRecordRepository jobs,
            BatchProgressPoller poller, CallBatchCanceller canceller,
            FinishedBatchRecorder recorder, ReportFolders reportFolders, CallingWindows windows,
            BulkcallProperties properties, Clock clock, Waiter waiter, BulkcallMetrics metrics) {
        this.batches = batches;
        this.recipients = recipients;
        this.jobs = jobs;
        this.poller = poller;
        this.canceller = canceller;
        this.recorder = recorder;
        this.reportFolders = reportFolders;
        this.windows = windows;
        this.settings = properties.poll();
        this.clock = clock;
        this.waiter = waiter;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus executeOnce(StepContribution contribution, StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        long jobInstanceId = step.getJobExecution().getJobInstanceId();
        ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
        if (jobContext.getLong(WAITING_EXECUTION, -1) != step.getJobExecution().getId()) {
            // max-wait counts from this execution's start: a restart copied the last one's context
            jobContext.putLong(WAITING_EXECUTION, step.getJobExecution().getId());
            jobContext.putLong(WAITING_SINCE, clock.millis());
        }
        int polls = context.getInt(POLLS, 0);
        if (polls > 0 && !waiter.waitUntil(nextWake(step, jobInstanceId), stopRequested(step, jobInstanceId))
                && step.isTerminateOnly()) {
            return RepeatStatus.CONTINUABLE;
        }
        Instant now = clock.instant();
        boolean cancelled = jobs.isCancelled(jobInstanceId);
        closeWindows(jobInstanceId, now, cancelled);
        // a restart's context is the last checkpoint's: batches recorded after it may have sent recipients back
        boolean firstOfExecution = context.getLong(POLLED_BY, -1) != step.getId();
        boolean sentBack = pollOpenBatches(step, reportFolders.of(step.getJobExecution()), !cancelled);
        context.putInt(POLLS, polls + 1);
        context.putLong(POLLED_BY, step.getId());
        if (firstOfExecution || sentBack || context.containsKey(NEXT_DUE) && !now.isBefore(nextDue(context))) {
            lookAtWaitingGroups(step, now);
        }
        logProgress(step, jobInstanceId);
        if (!cancelled && context.containsKey(NEXT_DUE) && !now.isBefore(nextDue(context))) {
            contribution.setExitStatus(SUBMIT);
            return RepeatStatus.FINISHED;
        }
        Optional<Instant> nextRetry = cancelled ? Optional.empty() : batches.nextRetryDue(jobInstanceId);
        if (nextRetry.isPresent() && !now.isBefore(nextRetry.get())) {
            contribution.setExitStatus(RETRY);
            return RepeatStatus.FINISHED;
        }
        if (batches.unfinished(jobInstanceId).isEmpty() && nextRetry.isEmpty()
                && (cancelled || !context.get(ANY_WAITING, Boolean.class, false))) {
            return RepeatStatus.FINISHED;
        }
        stopAfterMaxWait(step, now);
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * The next poll: after the poll interval, or sooner when a window closes or something falls due.
     * With no call queued or in flight there is nothing to poll for: the next thing due, however far.
     */
    private Instant nextWake(StepExecution step, long jobInstanceId) {
        ExecutionContext context = step.getExecutionContext();
        List<TrackedBatch> open = batches.unfinished(jobInstanceId);
        Instant wake = open.isEmpty() ? maxWaitEnd(step) : clock.instant().plus(settings.interval());
        for (TrackedBatch batch : open) {
            if (batch.closesAt() != null && batch.cancelledAt() == null) {
                wake = earlier(wake, windows.cancelAt(batch.closesAt()));
            }
        }
        if (context.containsKey(NEXT_DUE)) {
            wake = earlier(wake, nextDue(context));
        }
        Optional<Instant> retry = batches.nextRetryDue(jobInstanceId);
        return retry.isPresent() ? earlier(wake, retry.get()) : wake;
    }

    /**
     * A wait ends at once on a stop request of this process, and within the poll interval on one of
     * another process ({@code bulkcall cancel}), which this reads from the job database, writing nothing.
     */
    private BooleanSupplier stopRequested(StepExecution step, long jobInstanceId) {
        Instant[] lastLook = { clock.instant() };
        return () -> {
            if (step.isTerminateOnly()) {
                return true;
            }
            Instant now = clock.instant();
            if (Duration.between(lastLook[0], now).compareTo(settings.interval()) < 0) {
                return false;
            }
            lastLook[0] = now;
            return jobs.isCancelled(jobInstanceId);
        };
    }

    /** Cancels what is queued in batches whose window closes within the closing margin. */
    private void closeWindows(long jobInstanceId, Instant now, boolean jobCancelled) {
        for (TrackedBatch batch : batches.unfinished(jobInstanceId)) {
            if (batch.closesAt() == null || batch.cancelledAt() != null || now.isBefore(windows.cancelAt(batch.closesAt()))) {
                continue;
            }
            CallBatch cancelled = canceller.cancel(batch);
            int carried = cancelled.totalCallsScheduled() - cancelled.totalCallsDispatched();
            if (carried > 0 && !jobCancelled) {
                String next = windows.dispatch(batch.zones(), batch.closesAt())
                    .map(dispatch -> windows.local(start(dispatch), batch.zones()))
                    .orElse("no further opening");
                log.info("Calling window of {} closes at {} local: call batch {} cancelled, {} carried to {}",
                        batch.zones(), windows.localTime(batch.closesAt(), batch.zones()), batch.batchId(), carried, next);
            }
        }
    }

    /**
     * Reads the open batches' progress; records each batch whose calls have all ended, in a transaction
     * of its own, saying how far it got every {@link #PROGRESS_EVERY} (in the machine's time: it is for
     * the person watching).
     *
     * @return whether a batch recorded sent a recipient back to wait for a batch
     */
    private boolean pollOpenBatches(StepExecution step, ReportFolder folder, boolean carryOver) {
        long jobInstanceId = step.getJobExecution().getJobInstanceId();
        List<TrackedBatch> open = batches.unfinished(jobInstanceId);
        if (open.isEmpty()) {
            return false;
        }
        Map<String, CallBatch> progress = poller.poll(open);
        List<TrackedBatch> finished = new ArrayList<>();
        for (TrackedBatch tracked : open) {
            CallBatch batch = progress.get(tracked.batchId());
            if (batch.isFinished()) {
                finished.add(tracked);
            }
            else {
                batches.recordProgress(jobInstanceId, batch, false);
            }
        }
        if (finished.isEmpty()) {
            return false;
        }
        long[] lastLine = { System.nanoTime() };
        return recorder.recordAll(finished, folder, carryOver, step::isTerminateOnly, count -> {
            if (System.nanoTime() - lastLine[0] >= PROGRESS_EVERY.toNanos() && count < finished.size()) {
                lastLine[0] = System.nanoTime();
                log.info("Job {}: recorded the outcomes of {} of {} finished call batches", step.getJobExecution().getId(),
                        count, finished.size());
            }
        });
    }

    /**
     * Works out when the waiting groups are due (their window opens, their redials' delay is over), and
     * announces once each group that waits for its window. Reads every recipient of the job: done on the
     * first poll of each step execution, after a recording sent recipients back to wait (carried over,
     * or redialed in new batches), and when a group falls due, not on every poll: only the submit step
     * takes a recipient out of waiting, and none joins it but by a recording.
     */
    private void lookAtWaitingGroups(StepExecution step, Instant now) {
        ExecutionContext context = step.getExecutionContext();
        ExecutionContext jobContext = step.getJobExecution().getExecutionContext();
        String file = InputFile.from(step.getJobExecution().getJobParameters()).name();
        StringBuilder announced = new StringBuilder(jobContext.getString(ANNOUNCED, ""));
        Instant nextDue = null;
        boolean anyWaiting = false;
        long waiting = 0;
        for (WaitingGroup group : recipients.waitingGroups(step.getJobExecution().getJobInstanceId())) {
            Instant dueAt = group.dueAt(now);
            Optional<Dispatch> dispatch = windows.dispatch(group.zones(), dueAt);
            if (dispatch.isEmpty()) {
                log.warn("{}: {} in {} {} no opening of their calling window within a year; not dialed",
                        file, Counts.of(group.recipients(), "recipient"), group.zones(), group.recipients() == 1 ? "has" : "have");
                continue;
            }
            anyWaiting = true;
            waiting += group.recipients();
            Instant createAt = dispatch.get().createAt();
            nextDue = nextDue == null ? createAt : earlier(nextDue, createAt);
            Instant start = start(dispatch.get());
            String key = group.zones() + "@" + start + ";";
            if (start.isAfter(now) && announced.indexOf(key) < 0) {
                announced.append(key);
                log.info("{}: {} in {} {} for {} local (in {})", file, Counts.of(group.recipients(), "recipient"),
                        group.zones(), group.recipients() == 1 ? "waits" : "wait", windows.localTime(start, group.zones()),
                        Durations.human(Duration.between(now, start)));
            }
        }
        jobContext.putString(ANNOUNCED, announced.toString());
        context.put(ANY_WAITING, anyWaiting);
        metrics.recipientsWaiting(waiting);
        if (nextDue == null) {
            context.remove(NEXT_DUE);
        }
        else {
            context.putLong(NEXT_DUE, nextDue.toEpochMilli());
        }
    }

    private Instant maxWaitEnd(StepExecution step) {
        return Instant.ofEpochMilli(step.getJobExecution().getExecutionContext().getLong(WAITING_SINCE))
            .plus(settings.maxWait());
    }

    private void stopAfterMaxWait(StepExecution step, Instant now) {
        if (now.isBefore(maxWaitEnd(step))) {
            return;
        }
        long executionId = step.getJobExecution().getId();
        String message = "job %d stopped waiting after %s (bulkcall.poll.max-wait) with calls still to make; resume with: bulkcall restart %d"
            .formatted(executionId, Durations.setting(settings.maxWait()), executionId);
        log.warn(message);
        BulkCallJob.stoppedWaiting(step.getJobExecution(), message);
        step.setTerminateOnly();
    }

    /**
     * A line when the calls moved on since the last one: at once when a batch finished, else
     * {@link #PROGRESS_EVERY} after the last line at the earliest (the sandbox's clock makes polls follow
     * each other with no wait: a line each would be thousands for a large file), and nothing while a
     * group waits for its window. The calls queued and in flight go to the metrics at every poll.
     */
    private void logProgress(StepExecution step, long jobInstanceId) {
        List<TrackedBatch> all = batches.all(jobInstanceId);
        metrics.calls(all.stream().mapToLong(TrackedBatch::queued).sum(), all.stream().mapToLong(TrackedBatch::inFlight).sum());
        String batchesFinished = "%d/%d batches finished".formatted(all.stream().filter(TrackedBatch::finished).count(),
                all.size());
        String progress = batchesFinished + ", calls %d/%d finished".formatted(
                all.stream().mapToInt(TrackedBatch::callsFinished).sum(), all.stream().mapToLong(TrackedBatch::calls).sum());
        ExecutionContext context = step.getExecutionContext();
        String last = context.getString(PROGRESS, "");
        long now = System.currentTimeMillis();
        boolean onlyCallsSoon = last.startsWith(batchesFinished + ",")
                && now - context.getLong(PROGRESS_LOGGED_AT, 0) < PROGRESS_EVERY.toMillis();
        if (progress.equals(last) || onlyCallsSoon) {
            return;
        }
        context.putString(PROGRESS, progress);
        context.putLong(PROGRESS_LOGGED_AT, now);
        Map<String, Long> statuses = recipients.countByStatus(jobInstanceId);
        log.info("Job {}: {}; outcomes recorded: {} completed, {} failed", step.getJobExecution().getId(), progress,
                statuses.getOrDefault("completed", 0L), statuses.getOrDefault("failed", 0L));
    }

    private static Instant start(Dispatch dispatch) {
        return dispatch.scheduledAt() != null ? dispatch.scheduledAt() : dispatch.createAt();
    }

    private static Instant nextDue(ExecutionContext context) {
        return Instant.ofEpochMilli(context.getLong(NEXT_DUE));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
