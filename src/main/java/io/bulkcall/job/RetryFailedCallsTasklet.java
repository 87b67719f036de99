package io.bulkcall.job;

import java.util.List;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.OutcomeUnknownException;
import io.bulkcall.config.BulkcallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * One Retry Call Batch round: waits {@code bulkcall.retry.delay}, opens the round, then retries one
 * batch with failed recipients per {@code execute()}, so each retry is a checkpoint. A retry is never
 * sent twice for one round: when its outcome is unknown, or a crash came between the request and
 * the commit, the batch's {@code retry_count} tells whether Cartesia applied it.
 */
@Component
public class RetryFailedCallsTasklet implements StoppableTasklet {

    private static final Logger log = LoggerFactory.getLogger(RetryFailedCallsTasklet.class);
    private static final String ROUND = "round";

    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CartesiaClient client;
    private final BulkcallProperties.Retry settings;
    private volatile boolean stopped;

    public RetryFailedCallsTasklet(JobRecordRepository jobs, CallBatchRepository batches,
            RecipientRepository recipients, CartesiaClient client, BulkcallProperties properties) {
        this.jobs = jobs;
        this.batches = batches;
        this.recipients = recipients;
        this.client = client;
        this.settings = properties.retry();
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
        int requeued = recipients.markRequeued(jobInstanceId, target.batchId());
        log.info("Retry round {}: re-queued {} failed recipients of batch {}", round, requeued, target.batchId());
        return RepeatStatus.CONTINUABLE;
    }

    private RepeatStatus openOrResumeRound(StepExecution step, long jobInstanceId) {
        int round = jobs.retryRounds(jobInstanceId);
        if (round == 0 || batches.retryTargets(jobInstanceId, round).isEmpty()) {
            log.info("Waiting {} before retry round {} of {}", Pause.human(settings.delay()), round + 1,
                    settings.maxAttempts());
            if (!Pause.sleep(settings.delay(), () -> stopped || step.isTerminateOnly())) {
                step.setTerminateOnly();
                return RepeatStatus.CONTINUABLE;
            }
            round = jobs.openRetryRound(jobInstanceId);
        }
        step.getExecutionContext().putInt(ROUND, round);
        return RepeatStatus.CONTINUABLE;
    }

    private CallBatch retryOnce(TrackedBatch target) {
        CallBatch current = client.getCallBatch(target.batchId());
        if (current.retryCount() > target.retryCount()) {
            log.info("Batch {} was already retried before the last run stopped", target.batchId());
            return current;
        }
        try {
            return client.retryCallBatch(target.batchId());
        }
        catch (OutcomeUnknownException unknown) {
            CallBatch after = client.getCallBatch(target.batchId());
            if (after.retryCount() > target.retryCount()) {
                return after;
            }
            throw unknown;
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
