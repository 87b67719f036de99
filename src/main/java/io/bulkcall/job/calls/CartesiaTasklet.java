package io.bulkcall.job.calls;

import io.bulkcall.job.instance.BulkCallJob;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A tasklet that talks to Cartesia: a request that a stop cuts short ends the step as Spring Batch
 * stops one, STOPPED and restartable, not FAILED ({@link BulkCallJob#stoppable}).
 */
interface CartesiaTasklet extends Tasklet {

    @Override
    default RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws JobInterruptedException {
        return BulkCallJob.stoppable(() -> executeOnce(contribution, chunkContext.getStepContext().getStepExecution()));
    }

    /** One turn of the step's work, which Spring Batch repeats while it answers {@link RepeatStatus#CONTINUABLE}. */
    RepeatStatus executeOnce(StepContribution contribution, StepExecution step);
}
