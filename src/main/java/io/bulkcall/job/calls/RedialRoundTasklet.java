package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.LeasedTransaction;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.FailedMember;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.Redial;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.validation.Counts;
import io.bulkcall.window.CallingWindows;
import io.bulkcall.window.Dispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Redials by Retry Call Batch the batches whose failed recipients are all due for a redial at one
 * moment ({@link RedialPlan}), one batch per {@code execute()}, so each is a checkpoint:
 * <ul>
 * <li>while the batch's window is open and none of its failed recipients reached the contact limit,
 * Retry Call Batch re-queues them, each in its next round, dialing until the window closes;</li>
 * <li>otherwise its failed recipients wait for a new batch of their group, created at the window's next
 * opening by the submit step (those at the contact limit are not redialed), and the batch is never
 * retried again.</li>
 * </ul>
 * A retry is never sent twice: first of all, the batch's {@code retry_count} tells whether Cartesia
 * applied it already (a crash between the request and the commit), and then it is followed, whatever
 * the contact limit or the window says now, since Cartesia is redialing; an answer that was lost is
 * reconciled by {@link SendOnce}. {@code attempts} in the results stays the number of dials. Stateless.
 */
@Component
public class RedialRoundTasklet implements CartesiaTasklet {

    private static final Logger log = LoggerFactory.getLogger(RedialRoundTasklet.class);

    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CartesiaClient client;
    private final SendOnce sendOnce;
    private final CallingWindows windows;
    private final ContactHistory contacts;
    private final LeasedTransaction leased;
    private final BulkcallProperties.Redial settings;
    private final Clock clock;

    public RedialRoundTasklet(CallBatchRepository batches, RecipientRepository recipients, CartesiaClient client,
            SendOnce sendOnce, CallingWindows windows, ContactHistory contacts, LeasedTransaction leased,
            BulkcallProperties properties, Clock clock) {
        this.batches = batches;
        this.recipients = recipients;
        this.client = client;
        this.sendOnce = sendOnce;
        this.windows = windows;
        this.contacts = contacts;
        this.leased = leased;
        this.settings = properties.redial();
        this.clock = clock;
    }

    @Override
    public RepeatStatus executeOnce(StepContribution contribution, StepExecution step) {
        Instant now = clock.instant();
        List<TrackedBatch> due = batches.retriesDue(step.getJobExecution().getJobInstanceId(), now);
        if (due.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        TrackedBatch target = due.get(0);
        Optional<CallBatch> already = target.isCancelled() ? Optional.empty() : retriedAlready(target);
        Optional<Dispatch> open = target.isCancelled() ? Optional.empty()
                : windows.dispatch(target.zones(), now).filter(dispatch -> dispatch.isOpen(now));
        if (already.isPresent()) {
            // Cartesia redials them already, whatever the contact limit or the window says now: follow it
            // (the dials were reserved before the retry was sent; a window closed since cancels it at once)
            log.info("Batch {} was already retried before the last run stopped", target.batchId());
            requeue(target, already.get(), open.map(Dispatch::windowEnd).orElse(now));
            return RepeatStatus.CONTINUABLE;
        }
        List<FailedMember> failed = recipients.failedOf(target);
        RedialPlan plan = RedialPlan.of(target, failed, number -> null, settings, now);
        if (plan.byRetry() && open.isPresent() && reservedForRetry(target, failed, now)) {
            CallBatch retried = sendOnce.send("Retry Call Batch " + target.batchId(),
                    () -> client.retryCallBatch(target.batchId()), () -> retriedAlready(target));
            requeue(target, retried, open.get().windowEnd());
        }
        else {
            List<Redial> dueNow = plan.redials().stream()
                .map(redial -> new Redial(redial.line(), redial.round(), redial.outcome(), now))
                .toList();
            recipients.markNotRedialed(target.jobInstanceId(), plan.notRedialedReasons());
            recipients.waitForRedials(target.jobInstanceId(), dueNow);
            batches.closeRetry(target.jobInstanceId(), target.batchNo());
            log.info("Redial: {} of batch {} {} for a new batch in their window",
                    Counts.of(dueNow.size(), "failed recipient"), target.batchId(), dueNow.size() == 1 ? "waits" : "wait");
        }
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * Reserves, under the contact policy, the redial of every failed recipient the batch holds, in a
     * transaction that commits before the retry is sent, while this process holds the job's lease.
     * Retry Call Batch re-queues all of them or none: when one number reached its limit, it is not
     * redialed (results.csv says why), the reservations go back, and the others are redialed in a new
     * batch of their group instead.
     *
     * @return whether Retry Call Batch may re-queue them all
     */
    private boolean reservedForRetry(TrackedBatch target, List<FailedMember> failed, Instant now) {
        int retry = target.retryCount() + 1;
        Map<String, Long> lines = failed.stream()
            .collect(Collectors.toMap(FailedMember::toNumber, FailedMember::line, (first, again) -> first,
                    LinkedHashMap::new));
        return leased.execute(target.jobInstanceId(), () -> {
            Map<String, String> refused = contacts.reserve(target.jobInstanceId(), target.batchNo(), retry,
                    lines.keySet(), now);
            if (refused.isEmpty()) {
                return true;
            }
            contacts.release(target.jobInstanceId(), target.batchNo(), retry, lines.keySet());
            Map<Long, String> notRedialed = new LinkedHashMap<>();
            refused.forEach((number, why) -> notRedialed.put(lines.get(number), "not redialed, contact limit: " + why));
            recipients.markNotRedialed(target.jobInstanceId(), notRedialed);
            log.info("Redial: {} of batch {} reached the contact limit and {} not redialed",
                    Counts.of(refused.size(), "failed recipient"), target.batchId(), refused.size() == 1 ? "is" : "are");
            return false;
        });
    }

    private void requeue(TrackedBatch target, CallBatch retried, Instant windowEnd) {
        batches.recordRetried(target.jobInstanceId(), retried, windowEnd);
        int requeued = recipients.requeueFailed(target);
        log.info("Retry Call Batch {}: Cartesia re-queued its {}", target.batchId(), Counts.of(requeued, "failed recipient"));
    }

    /** The batch as Cartesia has it, if its {@code retry_count} shows a retry bulkcall has not recorded (before a crash, or with a lost answer). */
    private Optional<CallBatch> retriedAlready(TrackedBatch target) {
        return Optional.of(client.getCallBatch(target.batchId())).filter(current -> current.retryCount() > target.retryCount());
    }
}
