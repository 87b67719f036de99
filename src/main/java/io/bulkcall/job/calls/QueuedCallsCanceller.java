package io.bulkcall.job.calls;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.job.instance.JobFailures;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.LeaseRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.submit.InDoubtCreates;
import io.bulkcall.metrics.BulkcallMetrics;
import io.bulkcall.time.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * A stop leaves nothing to dial: once a job ends without completing (Ctrl-C, SIGTERM,
 * {@code bulkcall.poll.max-wait}, {@code bulkcall cancel}, a failure), what its batches still have
 * queued at Cartesia is cancelled, batches scheduled for later included, since nobody would be there
 * to cancel it before its window ends. And a job restarted after a process was killed (which could
 * cancel nothing) first cancels what that process left queued. Either way the recipients carry over:
 * the restarted job dials them in new batches. A job another process took over is that process's: its
 * batches are left to it.
 *
 * <p>Creates whose answer was lost are settled first ({@link InDoubtCreates}), or a batch that exists at
 * Cartesia with no id in the job database would dial on. The cancels go a few at a time; after Ctrl-C
 * or SIGTERM they end with the time given to stop ({@link StopSignal}), a batch whose cancel meets a
 * refused connection or no answer given up on at once. What could not be cancelled is counted in one
 * line; the job's own outcome stands, and its last line says what to do. {@code bulkcall cancel} runs
 * the same pass. Thread-safe.
 */
@Component
public class QueuedCallsCanceller implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(QueuedCallsCanceller.class);

    /** Cancels in flight at once: hundreds of batches fit in a stop's seconds, and Cartesia sees no burst. */
    private static final int AT_ONCE = 4;

    /** How long past the time given to stop a cancel in flight may take to record its answer. */
    private static final Duration LAST_ANSWERS = Duration.ofSeconds(1);

    /** How often a wait for the cancels looks whether the process was asked to stop meanwhile. */
    private static final Duration STOP_CHECK = Duration.ofMillis(100);

    private final CallBatchRepository batches;
    private final CallBatchCanceller canceller;
    private final InDoubtCreates inDoubt;
    private final LeaseRepository leases;
    private final StopSignal stop;
    private final BulkcallMetrics metrics;

    public QueuedCallsCanceller(CallBatchRepository batches, CallBatchCanceller canceller, InDoubtCreates inDoubt,
            LeaseRepository leases, StopSignal stop, BulkcallMetrics metrics) {
        this.batches = batches;
        this.canceller = canceller;
        this.inDoubt = inDoubt;
        this.leases = leases;
        this.stop = stop;
        this.metrics = metrics;
    }

    /** Why a cancel pass runs, as its lines say it. */
    public enum Occasion {

        RESTART("left queued by the last run"),
        STOP("as the job stops"),
        CANCEL("by bulkcall cancel");

        private final String why;

        Occasion(String why) {
            this.why = why;
        }

        /** What becomes of the recipients a cancelled batch had queued. */
        private String recipientsThen() {
            return this == CANCEL ? "are not dialed" : "wait for the next run";
        }
    }

    /**
     * What one cancel pass did.
     *
     * @param batches the batches that may have had calls queued, creates still in doubt included
     * @param cancelled how many of them Cartesia answered cancelled
     * @param firstFailure why the first one that was not could not be; {@code null} when all were
     */
    public record CancelPass(int batches, int cancelled, String firstFailure) {

        public int notCancelled() {
            return batches - cancelled;
        }
    }

    /** A first run finds no batch; a restart finds what the run before it left queued. */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        cancelAndCount(jobExecution, Occasion.RESTART);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        Optional<String> holder = leases.otherHolder(jobExecution.getJobInstanceId());
        if (holder.isPresent()) {
            log.info("Job {}: what its batches have queued is left to process {}, which runs the job now",
                    jobExecution.getId(), holder.get());
            return;
        }
        cancelAndCount(jobExecution, Occasion.STOP);
    }

    private void cancelAndCount(JobExecution jobExecution, Occasion occasion) {
        CancelPass pass = cancelQueued(jobExecution, occasion);
        metrics.batchesNotCancelled(pass.notCancelled());
        if (pass.notCancelled() > 0) {
            log.warn("Job {}: {} of {} call batches could not be cancelled {}{}", jobExecution.getId(), pass.notCancelled(),
                    pass.batches(), occasion.why, pass.firstFailure() == null ? "" : " (" + pass.firstFailure() + ")");
        }
    }

    /**
     * Cancels what the job's batches still have queued at Cartesia, once its creates in doubt are settled.
     * A cancel still under way when the time to stop is up counts as not cancelled: nobody learns its answer.
     */
    public CancelPass cancelQueued(JobExecution jobExecution, Occasion occasion) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        try {
            inDoubt.settleAll(jobInstanceId);
        }
        catch (CartesiaException lookupFailed) {
            firstFailure.set("a call batch whose create is in doubt could not be looked up: " + lookupFailed.getMessage());
        }
        List<TrackedBatch> queued = batches.mayDialMore(jobInstanceId);
        int unsettled = firstFailure.get() == null ? 0 : batches.mayStillDial(jobInstanceId) - queued.size();
        if (queued.isEmpty()) {
            return new CancelPass(unsettled, 0, firstFailure.get());
        }
        AtomicInteger cancelledCount = new AtomicInteger();
        ExecutorService cancels = Executors.newFixedThreadPool(Math.min(AT_ONCE, queued.size()),
                new CustomizableThreadFactory("bulkcall-cancel-"));
        for (TrackedBatch batch : queued) {
            cancels.execute(() -> {
                try {
                    CallBatch cancelled = canceller.cancel(batch);
                    cancelledCount.incrementAndGet();
                    log.info("Cancelled call batch {} {}: {} queued recipients {}", batch.batchId(), occasion.why,
                            cancelled.totalCallsScheduled() - cancelled.totalCallsDispatched(), occasion.recipientsThen());
                }
                catch (CartesiaException failure) {
                    firstFailure.compareAndSet(null, failure.getMessage());
                    log.debug("Call batch {} could not be cancelled", batch.batchId(), failure);
                }
                catch (RuntimeException failure) {
                    // the job database refusing to record a cancel: said in the pass's line, not left to
                    // the pool's thread, which would print its stack trace and leave the pass to guess
                    firstFailure.compareAndSet(null,
                            "its cancel could not be recorded: " + JobFailures.firstLine(JobFailures.readableCause(failure)));
                    log.warn("Call batch {}: its cancel could not be recorded", batch.batchId(), failure);
                }
            });
        }
        cancels.shutdown();
        awaitCancels(cancels);
        int cancelled = cancelledCount.get();
        if (cancelled < queued.size()) {
            // neither cancelled nor refused: still under way when the time to stop was up
            firstFailure.compareAndSet(null, "no answer before the time given to stop was up");
        }
        return new CancelPass(unsettled + queued.size(), cancelled, firstFailure.get());
    }

    /**
     * Waits for the cancels: for as long as they take, or during a stop until the time given to stop is
     * up, by when the client has given up on each. Never interrupts one: an interrupt would close the
     * H2 file under the job.
     */
    private void awaitCancels(ExecutorService cancels) {
        try {
            while (true) {
                Optional<Duration> timeLeft = stop.timeLeft();
                if (timeLeft.isPresent()) {
                    cancels.awaitTermination(timeLeft.get().plus(LAST_ANSWERS).toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                if (cancels.awaitTermination(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
