package io.bulkcall.job.instance;

import java.util.Optional;
import java.util.function.Supplier;

import io.bulkcall.cartesia.StopRequestedException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The bulk-call job as every part of it names it: its name in the job repository, and what an
 * execution leaves in its job context about why it ended without dialing (validation refused the file)
 * or before every call was made ({@code bulkcall.poll.max-wait}), and how a stop met while talking to
 * Cartesia ends a step. A restart copies the last execution's
 * job context, so each note names the execution it belongs to. Stateless.
 */
public final class BulkCallJob {

    /** The job's name in the job repository. */
    public static final String NAME = "bulkCall";

    private static final String REFUSAL = "bulkcall.rejection";
    private static final String STOPPED_WAITING = "bulkcall.stopped";
    private static final String STOPPED_WAITING_EXECUTION = "bulkcall.stopped.execution";

    private BulkCallJob() {
    }

    /** Records why validation refused the file: one line for the operator. */
    public static void refuse(JobExecution execution, String why) {
        execution.getExecutionContext().putString(REFUSAL, why);
    }

    /** Why validation refused the file in this execution; empty when it did not. */
    public static Optional<String> refusal(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        return context.containsKey(REFUSAL) ? Optional.of(context.getString(REFUSAL)) : Optional.empty();
    }

    /** Starts an execution with no refusal: a restart copies the context of the execution it restarts. */
    public static void forgetRefusal(JobExecution execution) {
        execution.getExecutionContext().remove(REFUSAL);
    }

    /** Records that the execution stopped waiting for its calls after {@code bulkcall.poll.max-wait}. */
    public static void stoppedWaiting(JobExecution execution, String why) {
        execution.getExecutionContext().putString(STOPPED_WAITING, why);
        execution.getExecutionContext().putLong(STOPPED_WAITING_EXECUTION, execution.getId());
    }

    /** Why this execution stopped waiting, in one line; empty when it did not stop for {@code bulkcall.poll.max-wait}. */
    public static Optional<String> maxWaitStop(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        return context.getLong(STOPPED_WAITING_EXECUTION, -1) == execution.getId()
                ? Optional.of(context.getString(STOPPED_WAITING)) : Optional.empty();
    }

    /**
     * Does a step's work, a request to Cartesia cut short because the process was asked to stop
     * ending it as Spring Batch stops a step: STOPPED, restartable, not FAILED.
     */
    public static <T> T stoppable(Supplier<T> work) throws JobInterruptedException {
        try {
            return work.get();
        }
        catch (StopRequestedException stop) {
            JobInterruptedException interrupted = new JobInterruptedException(stop.getMessage());
            interrupted.initCause(stop);
            throw interrupted;
        }
    }

    /** As {@link #stoppable(Supplier)}, for work that returns nothing. */
    public static void stoppable(Runnable work) throws JobInterruptedException {
        stoppable(() -> {
            work.run();
            return null;
        });
    }
}
