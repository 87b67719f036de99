package io.bulkcall.report;

import java.util.Optional;

import io.bulkcall.csv.InputFileException;
import io.bulkcall.job.ValidationOutcomeDecider;
import io.bulkcall.job.calls.AwaitCallsTasklet;
import io.bulkcall.job.launch.JobFailures;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How a job ended, as its reports say it: a state and, unless it completed, one line saying why and
 * what to do.
 *
 * @param state {@code COMPLETED}, {@code REJECTED} (by validation: nothing was dialed), {@code STOPPED}
 *        or {@code FAILED} (both restartable)
 * @param note why, for the operator; {@code null} when it completed
 */
record JobEnding(String state, String note) {

    static final JobEnding COMPLETED = new JobEnding("COMPLETED", null);

    static JobEnding of(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        if (context.containsKey(ValidationOutcomeDecider.REJECTION_KEY)) {
            return new JobEnding("REJECTED", context.getString(ValidationOutcomeDecider.REJECTION_KEY));
        }
        Optional<InputFileException> unusable = JobFailures.inputFileProblem(execution);
        if (unusable.isPresent()) {
            return new JobEnding("REJECTED", "not dialed: " + unusable.get().getMessage());
        }
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return COMPLETED;
        }
        String restart = "resume with: bulkcall restart " + execution.getId();
        if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
            return new JobEnding("STOPPED", AwaitCallsTasklet.maxWaitStop(execution)
                .orElse("stopped before every call was made (Ctrl-C, SIGTERM or bulkcall cancel); " + restart));
        }
        return new JobEnding("FAILED", JobFailures.firstReadableMessage(execution).orElse("see logs/bulkcall.log")
                + "; once fixed, " + restart);
    }
}
