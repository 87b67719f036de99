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
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.submit.InDoubtCreates;
import io.bulkcall.metrics.BulkcallMetrics;
import io.bulkcall.time.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * A stop leaves nothing to dial: once a job ends without completing (Ctrl-C, SIGTERM,
 * {@code bulkcall.poll.max-wait}, {@code bulkcall cancel}, a failure), what its batches still have
 * queued at Cartesia is cancelled, batches scheduled for later included, since nobody would be there
 * to cancel it before its window ends. And a job restarted after a process was killed (which could
 * cancel nothing) first cancels what that process left queued. Either way the recipients carry over:
 * the restarted job dials them in new batches.
 *
 * <p>Creates whose answer was lost are settled first ({@link InDoubtCreates}), or a batch that exists at
 * Cartesia with no id in the job database would dial on. The cancels go a few at a time; after Ctrl-C
 * or SIGTERM they end with the time given to stop ({@link StopSignal}), a batch whose cancel meets a
 * refused connection or no answer given up on at once. What could not be cancelled is counted in one
 * line; the job's own outcome stands, and its last line says what to do. Thread-safe.
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
    private final JobRepository jobRepository;
    private final StopSignal stop;
    private final BulkcallMetrics metrics;

    public QueuedCallsCanceller(CallBatchRepository batches, CallBatchCanceller canceller, InDoubtCreates inDoubt,
            JobRepository jobRepository, StopSignal stop, BulkcallMetrics metrics) {
        this.batches = batches;
        this.canceller = canceller;
        this.inDoubt = inDoubt;
        this.jobRepository = jobRepository;
        this.stop = stop;
        this.metrics = metrics;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        if (jobRepository.getJobExecutions(jobExecution.getJobInstance()).size() > 1) {
            cancelQueued(jobExecution, "left queued by the last run");
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
            cancelQueued(jobExecution, "as the job stops");
        }
    }

    private void cancelQueued(JobExecution jobExecution, String why) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        try {
            inDoubt.settleAll(jobInstanceId);
        }
        catch (CartesiaException unsettled) {
            log.warn("Job {}: a call batch whose create is in doubt could not be looked up ({})", jobExecution.getId(),
                    unsettled.getMessage());
        }
        List<TrackedBatch> queued = batches.mayDialMore(jobInstanceId);
        if (queued.isEmpty()) {
            return;
        }
        AtomicInteger cancelledCount = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService cancels = Executors.newFixedThreadPool(Math.min(AT_ONCE, queued.size()),
                new CustomizableThreadFactory("bulkcall-cancel-"));
        for (TrackedBatch batch : queued) {
            cancels.execute(() -> {
                try {
                    CallBatch cancelled = canceller.cancel(batch);
                    cancelledCount.incrementAndGet();
                    log.info("Cancelled call batch {} {}: {} queued recipients wait for the next run", batch.batchId(),
                            why, cancelled.totalCallsScheduled() - cancelled.totalCallsDispatched());
                }
                catch (CartesiaException failure) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, failure.getMessage());
                    log.debug("Call batch {} could not be cancelled", batch.batchId(), failure);
                }
            });
        }
        cancels.shutdown();
        boolean done = awaitCancels(cancels);
        // a cancel still under way when the time to stop is up counts as not cancelled: nobody learns its answer
        metrics.batchesNotCancelled(queued.size() - cancelledCount.get());
        if (failed.get() > 0 || !done) {
            log.warn("Job {}: {} of {} call batches could not be cancelled {}{}", jobExecution.getId(),
                    done ? failed.get() : "some", queued.size(), why,
                    firstFailure.get() == null ? "" : " (" + firstFailure.get() + ")");
        }
    }

    /**
     * Waits for the cancels: for as long as they take, or during a stop until the time given to stop is
     * up, by when the client has given up on each. Never interrupts one: an interrupt would close the
     * H2 file under the job.
     */
    private boolean awaitCancels(ExecutorService cancels) {
        try {
            while (true) {
                Optional<Duration> timeLeft = stop.timeLeft();
                if (timeLeft.isPresent()) {
                    return cancels.awaitTermination(timeLeft.get().plus(LAST_ANSWERS).toMillis(), TimeUnit.MILLISECONDS);
                }
                if (cancels.awaitTermination(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
