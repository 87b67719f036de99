package io.bulkcall.job.calls;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import io.bulkcall.cartesia.AgentCall;
import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.FailedMember;
import io.bulkcall.job.store.LeasedTransaction;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.RecordedOutcomes;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.window.CallingWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Records what became of a batch whose calls have all ended, exactly once: its recipients' outcomes
 * (those it cancelled before dialing them wait for a batch again), their latest calls' details, the
 * dials the contact policy takes back (no call placed), the redials their outcomes call for
 * ({@link RedialPlan}), and the batch's finished flag, all in one transaction of their own, while this
 * process holds the job's lease (one that another process took over records nothing more). Recording
 * outcomes is not idempotent (a carried-over recipient's attempt is taken back), so the flag that keeps
 * a batch from being recorded again commits with them: a process killed half-way records the batch
 * again, whole, when it restarts; one killed after records it no more. Cartesia is asked first, outside
 * the transaction, a few batches ahead. Thread-safe.
 */
@Component
class FinishedBatchRecorder {

    private static final Logger log = LoggerFactory.getLogger(FinishedBatchRecorder.class);

    /** Threads that read finished batches from Cartesia while the job's thread records the ones before. */
    static final int READERS = 2;

    /** Batches read ahead of the one being recorded, at most: each holds its recipients and calls in memory. */
    static final int READ_AHEAD = 4;

    private final RecipientRepository recipients;
    private final CallBatchRepository batches;
    private final ContactHistory contacts;
    private final LeasedTransaction leased;
    private final CartesiaClient client;
    private final CallDetailsReader callDetails;
    private final BulkcallProperties.Redial redial;
    private final CallingWindows windows;
    private final Clock clock;

    FinishedBatchRecorder(RecipientRepository recipients, CallBatchRepository batches, ContactHistory contacts,
            LeasedTransaction leased, CartesiaClient client, CallDetailsReader callDetails, BulkcallProperties properties,
            CallingWindows windows, Clock clock) {
        this.recipients = recipients;
        this.batches = batches;
        this.contacts = contacts;
        this.leased = leased;
        this.client = client;
        this.callDetails = callDetails;
        this.redial = properties.redial();
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Records batches the last poll found with all their calls ended, one at a time in their order,
     * while the next ones are read from Cartesia ahead of them ({@link #READ_AHEAD} at most, on
     * {@link #READERS} threads): Cartesia's answers and the job database's commits overlap. A batch
     * Get Call Batch shows with calls still to end gets its progress recorded instead. Stops between two
     * batches once {@code stop} says so; a failure to read one ends it there, the batches before it
     * recorded. The readers are never interrupted: an interrupt would close the H2 file under the job.
     *
     * @param carryOver whether recipients a batch cancelled before dialing them wait for a batch again;
     *        not once the job was cancelled
     * @param recorded told the count recorded so far, after each batch
     * @return whether a batch recorded sent a recipient back to wait for a batch (carried over, or to be
     *         redialed in a new batch); when none did, the job's waiting recipients are those that waited before
     */
    boolean recordAll(List<TrackedBatch> finished, ReportFolder folder, boolean carryOver, BooleanSupplier stop,
            IntConsumer recorded) {
        ExecutorService readers = Executors.newFixedThreadPool(READERS, new CustomizableThreadFactory("bulkcall-read-"));
        Deque<Future<EndedBatch>> ahead = new ArrayDeque<>();
        Iterator<TrackedBatch> next = finished.iterator();
        int count = 0;
        boolean sentBack = false;
        try {
            while ((next.hasNext() || !ahead.isEmpty()) && !stop.getAsBoolean()) {
                while (next.hasNext() && ahead.size() < READ_AHEAD) {
                    TrackedBatch tracked = next.next();
                    ahead.add(readers.submit(() -> read(tracked, folder)));
                }
                EndedBatch ended = answer(ahead.removeFirst());
                if (!ended.batch().isFinished()) {
                    batches.recordProgress(ended.tracked().jobInstanceId(), ended.batch(), false);
                    continue;
                }
                sentBack |= record(ended, carryOver);
                recorded.accept(++count);
            }
            return sentBack;
        }
        finally {
            ahead.forEach(reading -> reading.cancel(false));
            readers.shutdown();
        }
    }

    /** What Cartesia says of a batch and its calls; the calls only once Get Call Batch shows them all ended. */
    private EndedBatch read(TrackedBatch tracked, ReportFolder folder) {
        // the poll's list omits recipients: fetch them once, now that they will not change
        CallBatch full = client.getCallBatch(tracked.batchId());
        return new EndedBatch(tracked, full, full.isFinished() ? callDetails.read(tracked, full, folder) : Map.of());
    }

    private static EndedBatch answer(Future<EndedBatch> reading) {
        try {
            return reading.get();
        }
        catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException(failed.getCause().getMessage(), failed.getCause());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a finished call batch", interrupted);
        }
    }

    /** @return whether a recipient of the batch now waits for a batch again: carried over, or redialed in a new batch */
    private boolean record(EndedBatch ended, boolean carryOver) {
        TrackedBatch batch = ended.tracked();
        Map<String, AgentCall> calls = ended.calls();
        Recorded recorded = leased.execute(batch.jobInstanceId(), () -> {
            RecordedOutcomes outcomes = recipients.recordOutcomes(batch, ended.batch().recipients(), calls, carryOver);
            contacts.release(batch.jobInstanceId(), batch.batchNo(), ended.batch().retryCount(), outcomes.notPlaced());
            // most batches end with an outcome for every recipient and no failure: then none is to look up
            List<FailedMember> failed = outcomes.mayHoldFailed() ? recipients.failedOf(batch) : List.of();
            Instant now = clock.instant();
            RedialPlan plan = RedialPlan.of(batch, failed, number -> callEnd(calls.get(number)), redial, now);
            recipients.markNotRedialed(batch.jobInstanceId(), plan.notRedialedReasons());
            recipients.recordRedials(batch.jobInstanceId(), plan.redials());
            if (plan.inNewBatches()) {
                recipients.waitForRedials(batch.jobInstanceId(), plan.redials());
            }
            batches.recordRedials(batch.jobInstanceId(), batch.batchNo(), failed.size(),
                    plan.byRetry() ? plan.retryDueAt() : null, !plan.byRetry() && !failed.isEmpty());
            batches.recordProgress(batch.jobInstanceId(), ended.batch(), true);
            return new Recorded(failed.size(), plan, outcomes.carried() || plan.inNewBatches());
        });
        recorded.plan()
            .describe(instant -> windows.localTime(instant, batch.zones()))
            .ifPresent(redials -> log.info("Call batch {} ended with {} failed: {}", batch.batchId(), recorded.failed(),
                    redials));
        return recorded.sentBack();
    }

    /** A batch as Cartesia showed it, and the latest call of each of its recipients, by number. */
    private record EndedBatch(TrackedBatch tracked, CallBatch batch, Map<String, AgentCall> calls) {
    }

    /**
     * What one batch's transaction recorded: how many of its recipients failed, what is done about them,
     * and whether some now wait for a batch again (carried over, or redialed in new batches).
     */
    private record Recorded(int failed, RedialPlan plan, boolean sentBack) {
    }

    private static Instant callEnd(AgentCall call) {
        return Optional.ofNullable(call).map(AgentCall::endTime).map(OffsetDateTime::toInstant).orElse(null);
    }
}
