package io.bulkcall.job;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Once nothing is open or waiting: another redial round while rounds remain ({@code bulkcall.retry.max-attempts})
 * and some batch holds failed recipients, or the round a crash interrupted; otherwise, or once the job
 * was cancelled, on to the report.
 */
@Component
class RedialDecider implements JobExecutionDecider {

    public static final FlowExecutionStatus RETRY = new FlowExecutionStatus("RETRY");
    public static final FlowExecutionStatus DONE = new FlowExecutionStatus("DONE");

    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final int maxRounds;

    public RedialDecider(JobRecordRepository jobs, CallBatchRepository batches, BulkcallProperties properties) {
        this.jobs = jobs;
        this.batches = batches;
        this.maxRounds = properties.retry().maxAttempts();
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        if (jobs.isCancelled(jobInstanceId)) {
            return DONE;
        }
        int round = jobs.retryRounds(jobInstanceId);
        boolean interrupted = round > 0 && !batches.redialTargets(jobInstanceId, round).isEmpty();
        boolean another = round < maxRounds && !batches.redialTargets(jobInstanceId, round + 1).isEmpty();
        return interrupted || another ? RETRY : DONE;
    }
}
