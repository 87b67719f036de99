package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.time.Durations;
import io.bulkcall.time.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Waits until every call of the job has ended. One poll per {@code execute()}, so each poll is a
 * checkpoint: a batch's recipients are fetched (once) as soon as it finishes and their outcomes
 * committed with that poll. Waits {@code bulkcall.poll.interval} between polls, and stops the job,
 * restartable, after {@code bulkcall.poll.max-wait}. A stop request (Ctrl-C, SIGTERM, {@code bulkcall
 * cancel}) marks the step execution terminate-only, which ends a wait at once: stopping is per step
 * execution, never a flag of the process.
 */
@Component
public class AwaitCallsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AwaitCallsTasklet.class);
    private static final String POLLS = "polls";
    private static final String WAITING_SINCE = "waiting.since";
    /** Job context key of the one-line reason the job stopped waiting. */
    public static final String STOPPED_KEY = "bulkcall.stopped";

    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final BatchProgressPoller poller;
    private final CartesiaClient client;
    private final BulkcallProperties.Poll settings;
    private final Clock clock;
    private final Waiter waiter;

    public AwaitCallsTasklet(CallBatchRepository batches, RecipientRepository recipients, BatchProgressPoller poller,
            CartesiaClient client, BulkcallProperties properties, Clock clock, Waiter waiter) {
        this.batches = batches;
        this.recipients = recipients;
        this.poller = poller;
        this.client = client;
        this.settings = properties.poll();
        this.clock = clock;
        this.waiter = waiter;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long jobInstanceId = step.getJobExecution().getJobInstanceId();
        int polls = step.getExecutionContext().getInt(POLLS, 0);
        if (polls == 0) {
            step.getExecutionContext().putLong(WAITING_SINCE, clock.millis());
        }
        else if (!waiter.waitUntil(clock.instant().plus(settings.interval()), step::isTerminateOnly)) {
            return RepeatStatus.CONTINUABLE;
        }
        List<TrackedBatch> open = batches.unfinished(jobInstanceId);
        if (!open.isEmpty()) {
            record(jobInstanceId, open, poller.poll(open));
        }
        step.getExecutionContext().putInt(POLLS, polls + 1);
        boolean done = batches.unfinished(jobInstanceId).isEmpty();
        logProgress(step.getJobExecution().getId(), jobInstanceId);
        if (done) {
            return RepeatStatus.FINISHED;
        }
        Duration waited = Duration.between(Instant.ofEpochMilli(step.getExecutionContext().getLong(WAITING_SINCE)),
                clock.instant());
        if (waited.compareTo(settings.maxWait()) >= 0) {
            long executionId = step.getJobExecution().getId();
            String message = "job %d stopped waiting after %s (bulkcall.poll.max-wait) with calls still in progress; resume with: bulkcall restart %d"
                .formatted(executionId, Durations.human(settings.maxWait()), executionId);
            log.warn(message);
            step.getJobExecution().getExecutionContext().putString(STOPPED_KEY, message);
            step.setTerminateOnly();
        }
        return RepeatStatus.CONTINUABLE;
    }

    private void record(long jobInstanceId, List<TrackedBatch> open, Map<String, CallBatch> progress) {
        for (TrackedBatch tracked : open) {
            CallBatch batch = progress.get(tracked.batchId());
            if (batch.isFinished()) {
                // the list omits recipients: fetch them once, now that they will not change
                CallBatch full = client.getCallBatch(batch.id());
                if (full.isFinished()) {
                    recipients.recordOutcomes(tracked, full.recipients());
                    batches.recordProgress(jobInstanceId, full, true);
                    continue;
                }
            }
            batches.recordProgress(jobInstanceId, batch, false);
        }
    }

    private void logProgress(long executionId, long jobInstanceId) {
        List<TrackedBatch> all = batches.all(jobInstanceId);
        Map<String, Long> statuses = recipients.countByStatus(jobInstanceId);
        log.info("Job {}: {}/{} batches finished, calls {}/{} finished; outcomes recorded: {} completed, {} failed",
                executionId,
                all.stream().filter(TrackedBatch::finished).count(), all.size(),
                all.stream().mapToInt(TrackedBatch::callsFinished).sum(),
                all.stream().mapToInt(TrackedBatch::callsScheduled).sum(), statuses.getOrDefault("completed", 0L),
                statuses.getOrDefault("failed", 0L));
    }
}
