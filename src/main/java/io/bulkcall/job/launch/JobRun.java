package io.bulkcall.job.launch;

import io.bulkcall.job.instance.JobOutcome;

import org.springframework.batch.core.job.JobExecution;

/**
 * What happened to one input file in this run, with its exit code ({@code ExitCodes}, as the README lists them):
 * 0 completed, 1 failed or stopped (restartable), 3 rejected by validation.
 *
 * @param execution the job execution, or {@code null} when no job ran (another process runs it)
 * @param message one line for the operator
 */
public record JobRun(JobExecution execution, Outcome outcome, String message) {

    public enum Outcome {
        COMPLETED(0), ALREADY_COMPLETED(0), FAILED(1), STOPPED(1), NOT_STARTED(1), RUNNING_ELSEWHERE(1), REJECTED(3);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public int exitCode() {
        return outcome.exitCode();
    }

    /** How an execution that ran ended, for the run's line and exit code. */
    public static Outcome outcomeOf(JobExecution execution) {
        return switch (JobOutcome.of(execution)) {
            case COMPLETED -> Outcome.COMPLETED;
            case REJECTED -> Outcome.REJECTED;
            case STOPPED -> Outcome.STOPPED;
            case FAILED -> Outcome.FAILED;
        };
    }
}
