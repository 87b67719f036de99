package io.bulkcall.job;

import java.util.Optional;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.validation.RejectRatio;
import io.bulkcall.validation.RowTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Between validation and the first call batch: a file with no valid row, or with more rejected rows
 * than {@code bulkcall.validation.max-reject-ratio} allows, is not dialed at all. The reason is
 * left in the job's context for the operator; a file that is dialed gets a line with its counts.
 * Either way suppressions (do-not-call, contact limit) are counted apart: they are not bad data.
 */
@Component
class ValidationOutcomeDecider implements JobExecutionDecider {

    public static final FlowExecutionStatus ACCEPTED = new FlowExecutionStatus("ACCEPTED");
    public static final FlowExecutionStatus REJECTED = new FlowExecutionStatus("REJECTED");

    private static final Logger log = LoggerFactory.getLogger(ValidationOutcomeDecider.class);

    private final RecipientRepository recipients;
    private final RejectRatio rejectRatio;
    private final ReportFolders reportFolders;

    public ValidationOutcomeDecider(RecipientRepository recipients, BulkcallProperties properties,
            ReportFolders reportFolders) {
        this.recipients = recipients;
        this.rejectRatio = new RejectRatio(properties.validation().maxRejectRatio());
        this.reportFolders = reportFolders;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        RowTally tally = new RowTally(recipients.countStaged(jobInstanceId), recipients.rejectionCounts(jobInstanceId));
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        Optional<String> why = rejectRatio.whyNotDialed(tally);
        if (why.isEmpty()) {
            log.info("{}: {}", file.name(), tally.describe());
            return ACCEPTED;
        }
        String message = tally.rows() == tally.accepted() ? "%s was not dialed: %s".formatted(file.name(), why.get())
                : "%s was not dialed: %s (%s); reasons in %s".formatted(file.name(), why.get(), tally.describeReasons(),
                        reportFolders.of(jobExecution).rejectedCsv());
        BulkCallJob.refuse(jobExecution, message);
        return REJECTED;
    }
}
