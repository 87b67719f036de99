package io.bulkcall.job.launch;

import io.bulkcall.job.instance.JobOutcome;

import org.springframework.batch.core.job.JobExecution;

/**
 * What happened to one input file in this run, with its exit code ({@code ExitCodes}, as the README lists them):
 * 0 completed, or left to the live process that runs it; 1 failed or stopped (restartable), not started
 * because this process was asked to stop, left by a process that is gone and not taken over, or completed
 * and its file not moved out of the input folder (the next run moves it); 3 rejected
 * by validation. A file another live process runs is that process's work, which its own exit code
 * reports: were it 1 here too, every night of several nodes would look failed.
 *
 * @param execution the job execution, or {@code null} when no job ran (another process runs it)
 * @param message one line for the operator
 */
public record JobRun(JobExecution execution, Outcome outcome, String message) {

    public enum Outcome {
        COMPLETED(0), ALREADY_COMPLETED(0), RUNNING_ELSEWHERE(0), FAILED(1), STOPPED(1), NOT_STARTED(1),
        NOT_TAKEN_OVER(1), NOT_MOVED(1), REJECTED(3);

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

    /**
     * The line of a job that stopped: what may still be queued at Cartesia, and what to run.
     *
     * @param reason why it stopped, after the word ({@code " waiting for calls"}), or empty
     * @param mayStillDial how many of its batches may still have calls queued at Cartesia
     */
    static String stoppedMessage(String file, long executionId, String reason, int mayStillDial) {
        if (mayStillDial == 0) {
            return "%s: job %d stopped%s; resume with: bulkcall restart %d".formatted(file, executionId, reason, executionId);
        }
        return "%s: job %d stopped%s; %s: once it answers, `bulkcall cancel %d` cancels them and ends the job, `bulkcall restart %d` cancels them and resumes it"
            .formatted(file, executionId, reason, mayStillDial(mayStillDial), executionId, executionId);
    }

    /** @param mayStillDial how many batches of the job may still have calls queued at Cartesia, more than 0 */
    static String mayStillDial(int mayStillDial) {
        return mayStillDial == 1 ? "1 call batch may still have calls queued at Cartesia"
                : mayStillDial + " call batches may still have calls queued at Cartesia";
    }
}
