package io.bulkcall.job.instance;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * How an execution of the bulk-call job that ran ended, as the run's line, its exit code and the job's
 * reports all say it: one classification for all three.
 */
public enum JobOutcome {

    /** Every call was made and the reports written. */
    COMPLETED,

    /** Validation refused the file (or it could not be read at all): nothing was dialed. */
    REJECTED,

    /** Stopped before every call was made (Ctrl-C, SIGTERM, {@code bulkcall cancel}, max-wait): restartable. */
    STOPPED,

    /** Failed: restartable once the cause is fixed. */
    FAILED;

    public static JobOutcome of(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return COMPLETED;
        }
        if (BulkCallJob.refusal(execution).isPresent() || JobFailures.inputFileProblem(execution).isPresent()) {
            return REJECTED;
        }
        return status == BatchStatus.STOPPED || status == BatchStatus.STOPPING ? STOPPED : FAILED;
    }
}
