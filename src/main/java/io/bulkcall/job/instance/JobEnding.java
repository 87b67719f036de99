package io.bulkcall.job.instance;

import org.springframework.batch.core.job.JobExecution;

/**
 * How a job ended, as its reports, its exit description in the job repository and {@code bulkcall status}
 * say it: a state and, unless it completed, one line saying why and what to do.
 *
 * @param state {@code COMPLETED}, {@code REJECTED} (by validation: nothing was dialed), {@code STOPPED}
 *        or {@code FAILED} (both restartable)
 * @param note why, for the operator; {@code null} when it completed
 */
public record JobEnding(String state, String note) {

    public static final JobEnding COMPLETED = new JobEnding("COMPLETED", null);

    public static JobEnding of(JobExecution execution) {
        String restart = "resume with: bulkcall restart " + execution.getId();
        return switch (JobOutcome.of(execution)) {
            case COMPLETED -> COMPLETED;
            case REJECTED -> new JobEnding("REJECTED", rejection(execution));
            case STOPPED -> new JobEnding("STOPPED", BulkCallJob.maxWaitStop(execution)
                .orElse("stopped before every call was made (Ctrl-C, SIGTERM or bulkcall cancel); " + restart));
            default -> new JobEnding("FAILED", JobFailures.firstReadableMessage(execution).orElse("see logs/bulkcall.log")
                    + "; once fixed, " + restart);
        };
    }

    /** The decider's reason for a file it refused, or what made the file unusable. */
    private static String rejection(JobExecution execution) {
        return BulkCallJob.refusal(execution)
            .orElseGet(() -> "not dialed: " + JobFailures.inputFileProblem(execution).orElseThrow().getMessage());
    }
}
