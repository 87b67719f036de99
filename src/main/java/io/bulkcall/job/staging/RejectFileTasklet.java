package io.bulkcall.job.staging;

import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.InputFileArchive;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Ends a rejected file's job: moves the file to {@code failed/} so the next scan does
 * not pick it up again, and says where in the job's one-line reason. Nothing has been dialed.
 */
@Component
public class RejectFileTasklet implements Tasklet {

    private final InputFileArchive archive;

    public RejectFileTasklet(InputFileArchive archive) {
        this.archive = archive;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        var moved = archive.toFailed(file);
        BulkCallJob.refuse(jobExecution, BulkCallJob.refusal(jobExecution).orElseThrow() + "; moved it to " + moved);
        return RepeatStatus.FINISHED;
    }
}
