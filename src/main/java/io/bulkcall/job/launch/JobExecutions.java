package io.bulkcall.job.launch;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Looks up a job execution by the id {@code bulkcall status} prints. Spring Batch 6.0's
 * {@code JobRepository.getJobExecution} throws for an unknown id instead of returning {@code null}
 * as documented; this answers empty either way.
 */
final class JobExecutions {

    private JobExecutions() {
    }

    static Optional<JobExecution> find(JobRepository jobRepository, long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        }
        catch (EmptyResultDataAccessException unknown) {
            return Optional.empty();
        }
    }

    static JobExecution require(JobRepository jobRepository, long executionId) throws JobLaunchFailure {
        return find(jobRepository, executionId).orElseThrow(
                () -> new JobLaunchFailure("there is no job " + executionId + "; `bulkcall status` lists the jobs"));
    }
}
