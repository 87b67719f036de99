package io.bulkcall.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.bulkcall.job.InputFile;
import io.bulkcall.job.launch.FileJobLauncher;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.report.Counts;
import io.bulkcall.report.ReportFolder;
import io.bulkcall.report.ResultsCsvWriter;
import io.bulkcall.report.Summary;
import io.bulkcall.report.SummaryWriter;
import io.bulkcall.validation.RejectionReason;
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
 * recipient), {@code summary.json}, and {@code transcripts.jsonl} when the calls' transcripts were
 * kept. Each is idempotent, so a restart after a crash here writes the same reports again. The input file is moved to {@code processed/} by {@link FileJobLauncher}
 * once the job's completion is committed: moved here, a crash before that commit would leave a job
 * that is not complete with no input file for the next run to find.
 */
@Component
public class WriteReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportTasklet.class);

    private final RecipientRepository recipients;
    private final CallBatchRepository batches;
    private final JobRecordRepository jobs;
    private final SummaryWriter summaryWriter;
    private final ReportFolders reportFolders;
    private final Clock clock;

    public WriteReportTasklet(RecipientRepository recipients, CallBatchRepository batches, JobRecordRepository jobs,
            SummaryWriter summaryWriter, ReportFolders reportFolders, Clock clock) {
        this.recipients = recipients;
        this.batches = batches;
        this.jobs = jobs;
        this.summaryWriter = summaryWriter;
        this.reportFolders = reportFolders;
        this.clock = clock;
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
            log.info("{}: {} call transcripts in {}", file.name(), transcripts, TranscriptsFile.TRANSCRIPTS_JSONL);
        }
        Summary summary = summarize(jobExecution, file, folder, accepted);
        summaryWriter.write(folder.summaryJson(), summary);
        log.info("{}: {} rows, {} called ({}), {} rejected ({}), {} retry round(s); reports in {}", file.name(),
                summary.rows(), accepted, Counts.describe(summary.calls()), summary.rejectedTotal(), Counts.describe(summary.rejected()),
                summary.retryRounds(), folder.path());
        return RepeatStatus.FINISHED;
    }

    private Summary summarize(JobExecution jobExecution, InputFile file, ReportFolder folder, long accepted) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        Map<String, Long> rejected = new LinkedHashMap<>();
        recipients.rejectionCounts(jobInstanceId).forEach((RejectionReason reason, Long count) -> rejected.put(reason.name(), count));
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        Instant finishedAt = clock.instant();
        Instant startedAt = jobs.createdAt(jobInstanceId).orElse(finishedAt);
        return new Summary(file.name(), file.sha256(), jobInstanceId, jobExecution.getId(), accepted + rejectedTotal,
                accepted, rejectedTotal, rejected, batches.all(jobInstanceId).size(),
                recipients.countByStatus(jobInstanceId), recipients.countByZones(jobInstanceId), jobs.retryRounds(jobInstanceId), startedAt, finishedAt,
                Duration.between(startedAt, finishedAt).toMillis() / 1000.0, folder.resultsCsv().toString(),
                folder.rejectedCsv().toString());
    }
}
