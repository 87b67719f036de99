package io.bulkcall.job.calls;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.TrackedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * A stop leaves nothing to dial: once a job ends without completing (Ctrl-C, SIGTERM,
 * {@code bulkcall.poll.max-wait}, {@code bulkcall cancel}, a failure), what its batches still have
 * queued at Cartesia is cancelled, batches scheduled for later included, since nobody would be there
 * to cancel it before its window ends. And a job restarted after a process was killed (which could
 * cancel nothing) first cancels what that process left queued. Either way the recipients carry over:
 * the restarted job dials them in new batches. A batch that cannot be cancelled (Cartesia unreachable)
 * is named in a line saying what to do; the job's own outcome stands. Thread-safe.
 */
@Component
public class QueuedCallsCanceller implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(QueuedCallsCanceller.class);

    private final CallBatchRepository batches;
    private final CallBatchCanceller canceller;
    private final JobRepository jobRepository;

    public QueuedCallsCanceller(CallBatchRepository batches, CallBatchCanceller canceller, JobRepository jobRepository) {
        this.batches = batches;
        this.canceller = canceller;
        this.jobRepository = jobRepository;
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
        for (TrackedBatch batch : batches.unfinished(jobExecution.getJobInstanceId())) {
            if (!batch.mayDialMore()) {
                continue;
            }
            try {
                CallBatch cancelled = canceller.cancel(batch);
                log.info("Cancelled call batch {} {}: {} queued recipients wait for the next run", batch.batchId(), why,
                        cancelled.totalCallsScheduled() - cancelled.totalCallsDispatched());
            }
            catch (CartesiaException failure) {
                log.error("Job {}: call batch {} could not be cancelled ({}); it may go on dialing: run `bulkcall cancel {}` once Cartesia answers",
                        jobExecution.getId(), batch.batchId(), failure.getMessage(), jobExecution.getId());
            }
        }
    }
}
