package io.bulkcall.job.launch;

import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.job.calls.QueuedCallsCanceller;
import io.bulkcall.job.calls.QueuedCallsCanceller.CancelPass;
import io.bulkcall.job.calls.QueuedCallsCanceller.Occasion;
import io.bulkcall.job.store.JobRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * {@code bulkcall cancel}: marks the job cancelled (no further batch is created or retried), cancels
 * what its batches have queued on Cartesia by the pass a stop runs ({@link QueuedCallsCanceller}:
 * queued calls are never dialed, calls in flight finish), and stops the job if it is running, here
 * or in another process, so that it no longer waits. A restart afterwards collects the outcomes of
 * the calls that were made and writes the reports.
 */
@Component
public class JobCanceller {

    private static final Logger log = LoggerFactory.getLogger(JobCanceller.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JobRecordRepository jobs;
    private final QueuedCallsCanceller queuedCalls;

    public JobCanceller(JobRepository jobRepository, JobOperator jobOperator, JobRecordRepository jobs,
            QueuedCallsCanceller queuedCalls) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.jobs = jobs;
        this.queuedCalls = queuedCalls;
    }

    /**
     * @return the number of batches cancelled on Cartesia
     * @throws CartesiaException when some batch could not be cancelled, once the rest are and the job is stopped
     */
    public int cancel(long executionId) throws JobLaunchFailure {
        JobExecution execution = JobExecutions.require(jobRepository, executionId);
        jobs.markCancelled(execution.getJobInstanceId());
        CancelPass pass = queuedCalls.cancelQueued(execution, Occasion.CANCEL);
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.isRunning()) {
            try {
                jobOperator.stop(last);
            }
            catch (JobExecutionNotRunningException finishedMeanwhile) {
                log.debug("Job {} ended before it could be stopped", last.getId());
            }
        }
        if (pass.notCancelled() > 0) {
            throw new CartesiaException("%d of %d call batches could not be cancelled (%s); `bulkcall cancel %d` cancels them once Cartesia answers"
                .formatted(pass.notCancelled(), pass.batches(), pass.firstFailure(), executionId));
        }
        return pass.cancelled();
    }
}
