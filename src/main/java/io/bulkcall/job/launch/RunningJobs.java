package io.bulkcall.job.launch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.time.StopSignal;
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
 * each of which then stops at its own next checkpoint. The stop itself, with the time given for it
 * ({@code bulkcall.stop.timeout}), is the {@link StopSignal} every wait and request of the job reads.
 * Thread-safe.
 */
@Component
public class RunningJobs implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private final StopSignal stopSignal;
    private final Duration stopTimeout;
    private final CallBatchRepository batches;

    public RunningJobs(StopSignal stopSignal, BulkcallProperties properties, CallBatchRepository batches) {
        this.stopSignal = stopSignal;
        this.stopTimeout = properties.stop().timeout();
        this.batches = batches;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution);
        if (stopSignal.requested()) {
            stop(jobExecution);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution);
    }

    /**
     * Asks every running job to stop at its next checkpoint within {@code bulkcall.stop.timeout}, and no
     * further one to start; returns at once.
     */
    public void stopAll() {
        stopSignal.request(stopTimeout);
        running.forEach(this::stop);
    }

    /**
     * The execution of this file that began in this process and has not ended as far as the job
     * database knows: running, or gone from Spring Batch's hands when the job database failed to record
     * its end (Spring Batch then throws instead of returning it, and tells no listener). Empty when
     * none began, as when a launch itself was refused or lost a race with another process.
     */
    public Optional<JobExecution> unended(InputFile file) {
        return running.stream().filter(execution -> InputFile.from(execution.getJobParameters()).equals(file)).findFirst();
    }

    /** Whether this process was asked to stop: then it starts no further job. */
    public boolean isStopRequested() {
        return stopSignal.requested();
    }

    /** How long the process has to stop once asked to: {@code bulkcall.stop.timeout}. */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /**
     * For each job still running, the line its operator needs if the process ends now, before the job
     * could record that it stopped: what may still be queued at Cartesia, and what to run.
     */
    public List<String> linesIfEndedNow() {
        return running.stream()
            .map(execution -> JobRun.stoppedMessage(InputFile.from(execution.getJobParameters()).name(),
                    execution.getId(), "", batches.mayStillDial(execution.getJobInstanceId())))
            .toList();
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
