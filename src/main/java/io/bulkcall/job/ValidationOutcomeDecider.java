package io.bulkcall.job;

import java.util.Map;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.report.Counts;
import io.bulkcall.report.ReportFolder;
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
    private final BulkcallProperties properties;

    public ValidationOutcomeDecider(RecipientRepository recipients, BulkcallProperties properties) {
        this.recipients = recipients;
        this.properties = properties;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        long accepted = recipients.countStaged(jobInstanceId);
        Map<RejectionReason, Long> reasons = recipients.rejectionCounts(jobInstanceId);
        long rejected = reasons.values().stream().mapToLong(Long::longValue).sum();
        long rows = accepted + rejected;
        double maxRatio = properties.validation().maxRejectRatio();
        String why;
        if (accepted == 0) {
            why = rows == 0 ? "it has no data rows" : "none of its " + rows + " rows is valid";
        }
        else if (rejected > maxRatio * rows) {
            why = "%d of its %d rows were rejected (%.1f%%, above bulkcall.validation.max-reject-ratio=%s)"
                .formatted(rejected, rows, 100.0 * rejected / rows, maxRatio);
        }
        else {
            return ACCEPTED;
        }
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        ReportFolder folder = ReportFolder.of(properties.outputDir(), jobInstanceId, file.stem());
        String message = rows == 0 ? "%s was not dialed: %s".formatted(file.name(), why)
                : "%s was not dialed: %s (%s); reasons in %s".formatted(file.name(), why, Counts.describe(reasons),
                        folder.rejectedCsv());
        jobExecution.getExecutionContext().putString(REJECTION_KEY, message);
        return REJECTED;
    }
}
