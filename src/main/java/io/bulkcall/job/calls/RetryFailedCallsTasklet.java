package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.OutcomeUnknownException;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
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
 * One Retry Call Batch round: waits {@code bulkcall.retry.delay}, opens the round, then retries one
 * batch with failed recipients per {@code execute()}, so each retry is a checkpoint. A retry is never
 * sent twice for one round: before every send, the batch's {@code retry_count} tells whether Cartesia
 * applied it already, after a crash between the request and the commit or an answer that was lost.
 * One whose outcome is unknown and did not take effect is sent again, up to
 * {@code bulkcall.cartesia.max-attempts} times, rather than failing the job over one 5xx.
 */
@Component
public class RetryFailedCallsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RetryFailedCallsTasklet.class);
    private static final String ROUND = "round";

    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CartesiaClient client;
    private final BulkcallProperties.Retry settings;
    private final int maxAttempts;
    private final Duration settleDelay;
    private final Clock clock;
    private final Waiter waiter;

    public RetryFailedCallsTasklet(JobRecordRepository jobs, CallBatchRepository batches,
            RecipientRepository recipients, CartesiaClient client, BulkcallProperties properties, Clock clock,
            Waiter waiter) {
        this.jobs = jobs;
        this.batches = batches;
        this.recipients = recipients;
        this.client = client;
        this.settings = properties.retry();
        this.maxAttempts = properties.cartesia().maxAttempts();
        this.settleDelay = properties.cartesia().initialBackoff();
        this.clock = clock;
        this.waiter = waiter;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        long jobInstanceId = step.getJobExecution().getJobInstanceId();
        if (!step.getExecutionContext().containsKey(ROUND)) {
            return openOrResumeRound(step, jobInstanceId);
        }
        int round = step.getExecutionContext().getInt(ROUND);
        List<TrackedBatch> targets = batches.retryTargets(jobInstanceId, round);
        if (targets.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        TrackedBatch target = targets.get(0);
        CallBatch retried = retryOnce(target);
        batches.recordRetried(jobInstanceId, retried, round);
        int requeued = recipients.markRequeued(target);
        log.info("Retry round {}: re-queued {} failed recipients of batch {}", round, requeued, target.batchId());
        return RepeatStatus.CONTINUABLE;
    }

    private RepeatStatus openOrResumeRound(StepExecution step, long jobInstanceId) {
        int round = jobs.retryRounds(jobInstanceId);
        if (round == 0 || batches.retryTargets(jobInstanceId, round).isEmpty()) {
            log.info("Waiting {} before retry round {} of {}", Durations.human(settings.delay()), round + 1,
                    settings.maxAttempts());
            if (!waiter.waitUntil(clock.instant().plus(settings.delay()), step::isTerminateOnly)) {
                return RepeatStatus.CONTINUABLE;
            }
            round = jobs.openRetryRound(jobInstanceId);
        }
        step.getExecutionContext().putInt(ROUND, round);
        return RepeatStatus.CONTINUABLE;
    }

    private CallBatch retryOnce(TrackedBatch target) {
        for (int attempt = 1;; attempt++) {
            CallBatch current = client.getCallBatch(target.batchId());
            if (current.retryCount() > target.retryCount()) {
                log.info(attempt == 1 ? "Batch {} was already retried before the last run stopped"
                        : "Batch {} was retried after all", target.batchId());
                return current;
            }
            try {
                return client.retryCallBatch(target.batchId());
            }
            catch (OutcomeUnknownException unknown) {
                if (attempt >= maxAttempts) {
                    throw unknown;
                }
                log.warn("{}; looking at its retry_count", unknown.getMessage());
                // give a retry that is still being processed the time to show in retry_count
                waiter.waitUntil(clock.instant().plus(settleDelay.multipliedBy(attempt)), () -> false);
            }
        }
    }
}
