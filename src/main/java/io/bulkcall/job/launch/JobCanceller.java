package io.bulkcall.job.launch;

import java.util.List;

import io.bulkcall.job.calls.CallBatchCanceller;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.submit.InDoubtCreates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * {@code bulkcall cancel}: marks the job cancelled (no further batch is created or retried), settles
 * the creates whose answer was lost ({@link InDoubtCreates}), cancels its unfinished batches on Cartesia (queued calls are never dialed, calls in flight finish), and
 * stops the job if it is running, here or in another process, so that it no longer waits. A
 * restart afterwards collects the outcomes of the calls that were made and writes the reports.
 */
@Component
public class JobCanceller {

    private static final Logger log = LoggerFactory.getLogger(JobCanceller.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final CallBatchCanceller canceller;
    private final InDoubtCreates inDoubt;

    public JobCanceller(JobRepository jobRepository, JobOperator jobOperator, JobRecordRepository jobs,
            CallBatchRepository batches, CallBatchCanceller canceller, InDoubtCreates inDoubt) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.jobs = jobs;
        this.batches = batches;
        this.canceller = canceller;
        this.inDoubt = inDoubt;
    }

    /** @return the number of batches cancelled on Cartesia */
    public int cancel(long executionId) throws JobLaunchFailure {
        JobExecution execution = JobExecutions.require(jobRepository, executionId);
        long jobInstanceId = execution.getJobInstanceId();
        jobs.markCancelled(jobInstanceId);
        inDoubt.settleAll(jobInstanceId);
        List<TrackedBatch> open = batches.mayDialMore(jobInstanceId);
        for (TrackedBatch batch : open) {
            canceller.cancel(batch);
            log.info("Cancelled call batch {} \"{}\"", batch.batchId(), batch.name());
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.isRunning()) {
            try {
                jobOperator.stop(last);
            }
            catch (JobExecutionNotRunningException finishedMeanwhile) {
                log.debug("Job {} ended before it could be stopped", last.getId());
            }
        }
        return open.size();
    }
}
