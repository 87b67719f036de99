package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bulkcall.cartesia.AgentCall;
import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.FailedMember;
import io.bulkcall.job.store.Outcomes;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.window.CallingWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of a batch whose calls have all ended, exactly once: its recipients' outcomes
 * (those it cancelled before dialing them wait for a batch again), their latest calls' details, the
 * dials the contact policy takes back (no call placed), the redials their outcomes call for
 * ({@link RedialPlan}), and the batch's finished flag, all in one transaction of their own. Recording
 * outcomes is not idempotent (a carried-over recipient's attempt is taken back), so the flag that keeps
 * a batch from being recorded again commits with them: a process killed half-way records the batch
 * again, whole, when it restarts; one killed after records it no more. Cartesia is asked first, outside
 * the transaction. Thread-safe.
 */
@Component
class FinishedBatchRecorder {

    private static final Logger log = LoggerFactory.getLogger(FinishedBatchRecorder.class);

    private final RecipientRepository recipients;
    private final CallBatchRepository batches;
    private final ContactHistory contacts;
    private final CallDetailsReader callDetails;
    private final BulkcallProperties.Redial redial;
    private final TransactionTemplate transaction;
    private final CallingWindows windows;
    private final Clock clock;

    FinishedBatchRecorder(RecipientRepository recipients, CallBatchRepository batches, ContactHistory contacts,
            CallDetailsReader callDetails, BulkcallProperties properties, PlatformTransactionManager transactionManager,
            CallingWindows windows, Clock clock) {
        this.recipients = recipients;
        this.batches = batches;
        this.contacts = contacts;
        this.callDetails = callDetails;
        this.redial = properties.redial();
        this.transaction = new TransactionTemplate(transactionManager);
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * @param finished what Get Call Batch says of the batch, every call ended, recipients included
     * @param carryOver whether recipients it cancelled before dialing them wait for a batch again; not
     *        once the job was cancelled
     * @return what recording the outcomes did
     */
    Outcomes record(TrackedBatch batch, CallBatch finished, ReportFolder folder, boolean carryOver) {
        Map<String, AgentCall> calls = callDetails.read(batch, finished, folder);
        Recorded recorded = transaction.execute(status -> {
            Outcomes outcomes = recipients.recordOutcomes(batch, finished.recipients(), carryOver);
            recipients.recordCallDetails(batch, calls);
            contacts.release(batch.jobInstanceId(), batch.batchNo(), finished.retryCount(), outcomes.notPlaced());
            List<FailedMember> failed = recipients.failedOf(batch);
            Instant now = clock.instant();
            RedialPlan plan = RedialPlan.of(batch, failed, number -> callEnd(calls.get(number)), redial, now);
            recipients.markNotRedialed(batch.jobInstanceId(), plan.notRedialedReasons());
            recipients.recordRedials(batch.jobInstanceId(), plan.redials());
            if (!plan.byRetry()) {
                recipients.waitForRedials(batch.jobInstanceId(), plan.redials());
            }
            batches.recordRedials(batch.jobInstanceId(), batch.batchNo(), failed.size(),
                    plan.byRetry() ? plan.retryDueAt() : null, !plan.byRetry() && !failed.isEmpty());
            batches.recordProgress(batch.jobInstanceId(), finished, true);
            return new Recorded(outcomes, failed.size(), plan);
        });
        recorded.plan()
            .describe(instant -> windows.localTime(instant, batch.zones()))
            .ifPresent(redials -> log.info("Call batch {} ended with {} failed: {}", batch.batchId(), recorded.failed(),
                    redials));
        return recorded.outcomes();
    }

    /** What one batch's transaction recorded: its outcomes, and what is done about its failed recipients. */
    private record Recorded(Outcomes outcomes, int failed, RedialPlan plan) {
    }

    private static Instant callEnd(AgentCall call) {
        return Optional.ofNullable(call).map(AgentCall::endTime).map(OffsetDateTime::toInstant).orElse(null);
    }
}
