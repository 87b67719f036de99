package io.bulkcall.report;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobEnding;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.instance.TranscriptsFile;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.validation.Counts;
import io.bulkcall.validation.RowTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The last step: writes {@code results.csv} (streamed from the job database, one row per staged
 * recipient), {@code transcripts.jsonl} when the calls' transcripts were kept, then {@code summary.json}
 * and {@code report.html}. Each is idempotent, so a restart after a crash here writes the same reports
 * again. The input file is moved to {@code processed/} by {@code FileJobLauncher} once the job's
 * completion is committed: moved here, a crash before that commit would leave a job that is not
 * complete with no input file for the next run to find. A job that ends otherwise gets its summary and
 * page from {@link ReportOnJobEnd}.
 */
@Component
public class WriteReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportTasklet.class);

    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final JobReportWriter reportWriter;
    private final ReportFolders reportFolders;

    public WriteReportTasklet(RecipientRepository recipients, JobRecordRepository jobs, JobReportWriter reportWriter,
            ReportFolders reportFolders) {
        this.recipients = recipients;
        this.jobs = jobs;
        this.reportWriter = reportWriter;
        this.reportFolders = reportFolders;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long jobInstanceId = jobExecution.getJobInstanceId();
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        ReportFolder folder = reportFolders.of(jobInstanceId, file);
        long accepted;
        try (ResultsCsvWriter results = new ResultsCsvWriter(folder.resultsCsv(), jobs.metadataColumns(jobInstanceId))) {
            recipients.forEachResult(jobInstanceId, results::write);
            accepted = results.commit();
        }
        long transcripts = new TranscriptsFile(folder).gather();
        if (transcripts >= 0) {
            log.info("{}: {} in {}", file.name(), Counts.of(transcripts, "call transcript"), TranscriptsFile.TRANSCRIPTS_JSONL);
        }
        Summary summary = reportWriter.write(jobExecution, JobEnding.COMPLETED, true);
        RowTally tally = new RowTally(accepted, recipients.rejectionCounts(jobInstanceId));
        log.info("{}: {}; calls {}; {}; reports in {}", file.name(), tally.describe(), Counts.describe(summary.calls()),
                Counts.of(summary.retryRounds(), "redial round"), folder.path());
        return RepeatStatus.FINISHED;
    }
}
