package io.bulkcall.job.launch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this process, so that Ctrl-C or SIGTERM can stop them at their next
 * checkpoint, leaving them STOPPED and restartable instead of STARTED with nobody behind them, and
 * whether this process was asked to stop: once it was, no further job starts in it (one that starts
 * at that very moment is stopped before its first step). It keeps the live execution objects:
 * stopping through them (not a fresh copy from the database) reaches the running step executions,
 * each of which then stops at its own next checkpoint. Thread-safe.
 */
@Component
public class RunningJobs implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution);
        if (stopRequested.get()) {
            stop(jobExecution);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution);
    }

    /** Asks every running job to stop at its next checkpoint, and no further one to start; returns at once. */
    public void stopAll() {
        stopRequested.set(true);
        running.forEach(this::stop);
    }

    /** Whether this process was asked to stop: then it starts no further job. */
    public boolean isStopRequested() {
        return stopRequested.get();
    }

    /**
     * Marks the execution stopping and its running steps terminate-only, in memory: the job's own
     * thread sees it at its next checkpoint and is the only one to write the executions. Spring Batch's
     * {@code JobOperator.stop} also writes the running step executions from the calling thread, which
     * races the step's own commit and can fail the step instead of stopping it (spring-batch#5308).
     */
    private void stop(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.STARTING && execution.getStatus() != BatchStatus.STARTED) {
            log.debug("Job {} ended before it could be stopped", execution.getId());
            return;
        }
        log.warn("Stopping job {} at its next checkpoint; `bulkcall restart {}` resumes it", execution.getId(),
                execution.getId());
        execution.setStatus(BatchStatus.STOPPING);
        execution.getStepExecutions()
            .stream()
            .filter(step -> step.getStatus().isRunning())
            .forEach(StepExecution::setTerminateOnly);
    }
}
