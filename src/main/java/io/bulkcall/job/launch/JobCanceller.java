package io.bulkcall.job.launch;

import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.job.calls.QueuedCallsCanceller;
import io.bulkcall.job.calls.QueuedCallsCanceller.CancelPass;
import io.bulkcall.job.calls.QueuedCallsCanceller.Occasion;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.JobRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
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
     * @throws CartesiaException when some batch could not be cancelled, once the rest are and the job is stopped
     */
    public Cancellation cancel(long executionId) throws JobLaunchFailure {
        JobExecution execution = JobExecutions.require(jobRepository, executionId);
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        String file = InputFile.from(last.getJobParameters()).name();
        if (last.getStatus() == BatchStatus.COMPLETED) {
            return new Cancellation(file, true, 0);
        }
        jobs.markCancelled(execution.getJobInstanceId());
        log.info("Job {} ({}) is cancelled: no further call batch is created; cancelling what its batches have queued "
                + "at Cartesia", executionId, file);
        CancelPass pass = queuedCalls.cancelQueued(execution, Occasion.CANCEL);
        last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last.isRunning()) {
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
        return new Cancellation(file, false, pass.cancelled());
    }

    /**
     * What a cancel did: the batches it cancelled on Cartesia; nothing at all when the job had already
     * completed, every call of it made.
     *
     * @param file the job's input file, by name
     */
    public record Cancellation(String file, boolean alreadyCompleted, int batches) {
    }
}
