package io.bulkcall.job.launch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.bulkcall.job.BulkCallJobConfiguration;
import io.bulkcall.job.InputFile;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.RecipientRepository;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Reads jobs and their call progress from the job repository and bulkcall's tables, for
 * {@code bulkcall status}. Makes no API call: it shows what the last poll recorded.
 */
@Component
public class JobStatusQuery {

    private final JobRepository jobRepository;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;

    public JobStatusQuery(JobRepository jobRepository, CallBatchRepository batches, RecipientRepository recipients) {
        this.jobRepository = jobRepository;
        this.batches = batches;
        this.recipients = recipients;
    }

    /** The most recent jobs, newest first. */
    public List<JobStatus> recent(int count) {
        return jobRepository.getJobInstances(BulkCallJobConfiguration.JOB_NAME, 0, count)
            .stream()
            .map(jobRepository::getLastJobExecution)
            .filter(Objects::nonNull)
            .map(this::statusOf)
            .toList();
    }

    /** The job an execution id belongs to, as of its latest execution. */
    public Optional<JobStatus> of(long executionId) {
        return JobExecutions.find(jobRepository, executionId)
            .map(execution -> jobRepository.getLastJobExecution(execution.getJobInstance()))
            .map(this::statusOf);
    }

    private JobStatus statusOf(JobExecution execution) {
        long jobInstanceId = execution.getJobInstanceId();
        Map<String, Long> statuses = recipients.countByStatus(jobInstanceId);
        LocalDateTime started = execution.getStartTime();
        LocalDateTime ended = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        return new JobStatus(execution.getId(), jobInstanceId, InputFile.from(execution.getJobParameters()).name(),
                execution.getStatus(), execution.getExitStatus().getExitDescription(), batches.all(jobInstanceId),
                statuses.getOrDefault("completed", 0L), statuses.getOrDefault("failed", 0L), started,
                started == null ? Duration.ZERO : Duration.between(started, ended));
    }
}
