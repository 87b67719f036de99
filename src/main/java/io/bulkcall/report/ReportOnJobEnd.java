package io.bulkcall.report;

import java.util.Locale;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobEnding;
import io.bulkcall.job.instance.ReportFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Gives every job that ends without completing its {@code summary.json} and {@code report.html}, so the
 * operator sees how far it got and why it ended: failed, stopped, or refused by validation (nothing
 * dialed). A completed job got both from its {@code report} step. Never fails the job: a report that
 * cannot be written is a warning in the log. Thread-safe.
 */
@Component
public class ReportOnJobEnd implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReportOnJobEnd.class);

    private final JobReportWriter writer;
    private final ReportFolders reportFolders;

    ReportOnJobEnd(JobReportWriter writer, ReportFolders reportFolders) {
        this.writer = writer;
        this.reportFolders = reportFolders;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        String file = InputFile.from(jobExecution.getJobParameters()).name();
        try {
            JobEnding ending = JobEnding.of(jobExecution);
            writer.write(jobExecution, ending, false);
            log.info("{}: job {} {}; its report is {}", file, jobExecution.getId(), ending.state().toLowerCase(Locale.ROOT),
                    reportFolders.of(jobExecution).reportHtml());
        }
        catch (RuntimeException failure) {
            // a warning: the job's own line, which follows, is the error the operator acts on
            log.warn("{}: the reports of job {} could not be written: {}", file, jobExecution.getId(),
                    failure.getMessage());
        }
    }
}
