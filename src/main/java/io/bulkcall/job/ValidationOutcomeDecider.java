package io.bulkcall.job;

import java.util.Map;
import java.util.Optional;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.report.Counts;
import io.bulkcall.report.ReportFolders;
import io.bulkcall.validation.RejectRatio;
import io.bulkcall.validation.RejectionReason;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Between validation and the first call batch: a file with no valid row, or with more rejected rows
 * than {@code bulkcall.validation.max-reject-ratio} allows, is not dialed at all. The reason is
 * left in the job's context for the operator.
 */
@Component
public class ValidationOutcomeDecider implements JobExecutionDecider {

    public static final FlowExecutionStatus ACCEPTED = new FlowExecutionStatus("ACCEPTED");
    public static final FlowExecutionStatus REJECTED = new FlowExecutionStatus("REJECTED");
    /** Job context key of the one-line reason a file was rejected. */
    public static final String REJECTION_KEY = "bulkcall.rejection";

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
        long accepted = recipients.countStaged(jobInstanceId);
        Map<RejectionReason, Long> reasons = recipients.rejectionCounts(jobInstanceId);
        Optional<String> why = rejectRatio.whyNotDialed(accepted, reasons);
        if (why.isEmpty()) {
            return ACCEPTED;
        }
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        String message = reasons.isEmpty() ? "%s was not dialed: %s".formatted(file.name(), why.get())
                : "%s was not dialed: %s (%s); reasons in %s".formatted(file.name(), why.get(), Counts.describe(reasons),
                        reportFolders.of(jobExecution).rejectedCsv());
        jobExecution.getExecutionContext().putString(REJECTION_KEY, message);
        return REJECTED;
    }
}
