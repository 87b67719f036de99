package io.bulkcall.report;

import java.time.Duration;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobEnding;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.metrics.BulkcallMetrics;
import io.bulkcall.metrics.EndedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Writes a job's {@code summary.json} and {@code report.html} from one {@link JobReport}, so the page
 * and the summary always agree, and counts the job in the metrics with the summary's figures, so the
 * monitoring agrees with them too. Both files are replaced atomically and written again from the job
 * database each time, so writing them twice is harmless. Thread-safe.
 */
@Component
class JobReportWriter {

    private static final Logger log = LoggerFactory.getLogger(JobReportWriter.class);

    private final JobReportBuilder builder;
    private final SummaryWriter summaryWriter;
    private final ReportFolders reportFolders;
    private final BulkcallMetrics metrics;

    JobReportWriter(JobReportBuilder builder, SummaryWriter summaryWriter, ReportFolders reportFolders,
            BulkcallMetrics metrics) {
        this.builder = builder;
        this.summaryWriter = summaryWriter;
        this.reportFolders = reportFolders;
        this.metrics = metrics;
    }

    /**
     * Writes the summary, then the page, then counts the job. A summary that cannot be written throws; a
     * page that cannot be is an error line in the log, as the summary holds the same counts.
     *
     * @param resultsWritten whether {@code results.csv} was written for this job
     */
    Summary write(JobExecution execution, JobEnding ending, boolean resultsWritten) {
        ReportFolder folder = reportFolders.of(execution);
        JobReport report = builder.build(execution, ending, resultsWritten);
        summaryWriter.write(folder.summaryJson(), report.summary());
        try {
            ReportPage.write(report, folder.reportHtml());
        }
        catch (RuntimeException failure) {
            log.error("{}: report.html could not be written ({}); summary.json beside it has the same counts",
                    InputFile.from(execution.getJobParameters()).name(), failure.getMessage());
        }
        metrics.jobEnded(ended(report.summary()));
        return report.summary();
    }

    private static EndedJob ended(Summary summary) {
        return new EndedJob(summary.state(), Duration.ofMillis(Math.round(summary.durationSeconds() * 1000)),
                summary.accepted(), Summary.badData(summary), summary.suppressed(), summary.calls(), summary.endReasons(),
                summary.redials().byOutcome().stream()
                    .map(count -> new EndedJob.Redialed(count.round(), count.outcome(), count.recipients()))
                    .toList());
    }
}
