package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.time.Durations;
import io.bulkcall.time.Waiter;
import io.bulkcall.window.CallingWindows;
import io.bulkcall.window.Dispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One redial round ({@code bulkcall.retry.*}): waits {@code bulkcall.retry.delay}, opens the round, then
 * deals with one batch holding failed recipients per {@code execute()}, so each is a checkpoint:
 * <ul>
 * <li>while the batch's window is open, it was not cancelled (Cartesia cannot retry a cancelled
 * batch), and none of its failed recipients reached the contact limit, Retry Call Batch re-queues them,
 * dialing until its window closes;</li>
 * <li>otherwise its failed recipients wait for a new batch of their group, created at the window's
 * next opening by the submit step; those at the contact limit are not redialed.</li>
 * </ul>
 * A retry is never sent twice for one round: first of all, the batch's {@code retry_count} tells
 * whether Cartesia applied it already (a crash between the request and the commit), and then it is
 * followed, whatever the contact limit or the window says now, since Cartesia is redialing; an answer
 * that was lost is reconciled by {@link SendOnce}. {@code attempts} in the results stays the number
 * of dials. Stateless: the round in progress is in the step's ExecutionContext and in the job database.
 */
@Component
public class RedialRoundTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RedialRoundTasklet.class);
    private static final String ROUND = "round";

    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CartesiaClient client;
    private final SendOnce sendOnce;
    private final CallingWindows windows;
    private final ContactHistory contacts;
    private final TransactionTemplate ownTransaction;
    private final BulkcallProperties.Retry settings;
    private final Clock clock;
    private final Waiter waiter;

    public RedialRoundTasklet(JobRecordRepository jobs, CallBatchRepository batches, RecipientRepository recipients,
            CartesiaClient client, SendOnce sendOnce, CallingWindows windows, ContactHistory contacts,
            PlatformTransactionManager transactionManager, BulkcallProperties properties, Clock clock, Waiter waiter) {
        this.jobs = jobs;
        this.batches = batches;
        this.recipients = recipients;
        this.client = client;
        this.sendOnce = sendOnce;
        this.windows = windows;
        this.contacts = contacts;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = properties.retry();
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
        List<TrackedBatch> targets = batches.redialTargets(jobInstanceId, round);
        if (targets.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        TrackedBatch target = targets.get(0);
        Instant now = clock.instant();
        Optional<Dispatch> open = target.isCancelled() ? Optional.empty()
                : windows.dispatch(target.zones(), now).filter(dispatch -> dispatch.isOpen(now));
        Optional<CallBatch> already = target.isCancelled() ? Optional.empty() : retriedAlready(target);
        if (already.isPresent()) {
            // Cartesia redials them already, whatever the contact limit or the window says now: follow it
            // (the dials were reserved before the retry was sent; a window closed since cancels it at once)
            log.info("Batch {} was already retried before the last run stopped", target.batchId());
            requeue(target, already.get(), round, open.isPresent() ? open.get().windowEnd() : now);
        }
        else if (open.isPresent() && reservedForRetry(target, now)) {
            CallBatch retried = sendOnce.send("Retry Call Batch " + target.batchId(),
                    () -> client.retryCallBatch(target.batchId()), () -> retriedAlready(target));
            requeue(target, retried, round, open.get().windowEnd());
        }
        else {
            int waiting = recipients.waitForRedial(target, round);
            batches.recordRedialElsewhere(jobInstanceId, target.batchNo(), round);
            log.info("Retry round {}: {} failed recipients of batch {} wait for a new batch in their window", round,
                    waiting, target.batchId());
        }
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * Reserves, under the contact policy, the redial of every failed recipient the batch holds, in a
     * transaction that commits before the retry is sent. Retry Call Batch re-queues all of them or none:
     * when one number reached its limit, it is not redialed (results.csv says why), the reservations
     * go back, and the others are redialed in a new batch of their group instead.
     *
     * @return whether Retry Call Batch may re-queue them all
     */
    private boolean reservedForRetry(TrackedBatch target, Instant now) {
        int retry = target.retryCount() + 1;
        return ownTransaction.execute(status -> {
            Map<String, Long> failed = recipients.failedMembers(target);
            Map<String, String> refused = contacts.reserve(target.jobInstanceId(), target.batchNo(), retry,
                    failed.keySet(), now);
            if (refused.isEmpty()) {
                return true;
            }
            contacts.release(target.jobInstanceId(), target.batchNo(), retry, failed.keySet());
            Map<Long, String> notRedialed = new LinkedHashMap<>();
            refused.forEach((number, why) -> notRedialed.put(failed.get(number), "not redialed, contact limit: " + why));
            recipients.markNotDialed(target.jobInstanceId(), notRedialed);
            log.info("Retry round: {} failed recipients of batch {} reached the contact limit and are not redialed",
                    refused.size(), target.batchId());
            return false;
        });
    }

    private RepeatStatus openOrResumeRound(StepExecution step, long jobInstanceId) {
        int round = jobs.retryRounds(jobInstanceId);
        if (round == 0 || batches.redialTargets(jobInstanceId, round).isEmpty()) {
            log.info("Waiting {} before retry round {} of {}", Durations.setting(settings.delay()), round + 1,
                    settings.maxAttempts());
            if (!waiter.waitUntil(clock.instant().plus(settings.delay()), step::isTerminateOnly)) {
                return RepeatStatus.CONTINUABLE;
            }
            round = jobs.openRetryRound(jobInstanceId);
        }
        step.getExecutionContext().putInt(ROUND, round);
        return RepeatStatus.CONTINUABLE;
    }

    private void requeue(TrackedBatch target, CallBatch retried, int round, Instant windowEnd) {
        batches.recordRetried(target.jobInstanceId(), retried, round, windowEnd);
        int requeued = recipients.requeueFailed(target, round);
        log.info("Retry round {}: re-queued {} failed recipients of batch {}", round, requeued, target.batchId());
    }

    /** The batch as Cartesia has it, if its {@code retry_count} shows this round's retry applied (before a crash, or with a lost answer). */
    private Optional<CallBatch> retriedAlready(TrackedBatch target) {
        return Optional.of(client.getCallBatch(target.batchId())).filter(current -> current.retryCount() > target.retryCount());
    }
}
