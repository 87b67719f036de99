package io.bulkcall.job.submit;

import java.util.Optional;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.DynamicVariableLimits;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.StagedRecipient;
import io.bulkcall.validation.SentColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.stereotype.Component;

/**
 * Before the submit step sends anything, makes sure no column goes to Cartesia that nothing checked.
 * Validation decided what the file's columns become for the settings of its day
 * ({@code bulkcall.cartesia.version}, {@code bulkcall.columns.not-sent}); a run under other settings (a
 * restart, or a file dropped again) decides again. If the columns would be sent as Cartesia refuses
 * them, or a recipient still to be sent would pass its limits, the step fails, restartable, with a line
 * that says so and how to go on; otherwise the job sends them as they are now set from here on. A
 * change that only keeps columns away checks no row. Stateless.
 */
@Component
class SentColumnsCheck implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SentColumnsCheck.class);
    private static final int PAGE = 1000;

    private final JobRecordRepository jobs;
    private final RecipientRepository recipients;
    private final BulkcallProperties properties;

    SentColumnsCheck(JobRecordRepository jobs, RecipientRepository recipients, BulkcallProperties properties) {
        this.jobs = jobs;
        this.recipients = recipients;
        this.properties = properties;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
        InputFile file = InputFile.from(stepExecution.getJobExecution().getJobParameters());
        SentColumns checked = jobs.sentColumns(jobInstanceId);
        SentColumns now;
        try {
            now = SentColumns.of(file.path(), jobs.metadataColumns(jobInstanceId),
                    properties.cartesia().cartesiaVersion(), properties.columns().notSent());
        }
        catch (InputFileException refused) {
            throw new ColumnsRefusedException(file, checked, refused.problem());
        }
        if (now.version() == checked.version() && now.sent().equals(checked.sent())) {
            return;
        }
        if (!now.sendsNoMoreThan(checked)) {
            oversizeWaiting(jobInstanceId, now).ifPresent(problem -> {
                throw new ColumnsRefusedException(file, checked, problem);
            });
        }
        jobs.recordSentColumns(jobInstanceId, now);
        log.info("{}: {} from now on (it was validated with its {} sent as {})", file.name(), now.describe(),
                checked.sent().size() == 1 ? "column" : "columns", checked.version().recipientField());
    }

    /** The first recipient still to be sent whose fields would pass Cartesia's limit, said in words. */
    private Optional<String> oversizeWaiting(long jobInstanceId, SentColumns now) {
        ItemStreamReader<StagedRecipient> waiting = recipients.waiting(jobInstanceId, PAGE);
        waiting.open(new ExecutionContext());
        try {
            for (StagedRecipient recipient = waiting.read(); recipient != null; recipient = waiting.read()) {
                Optional<Integer> oversize = now.oversize(recipient.metadata());
                if (oversize.isPresent()) {
                    return Optional.of("line %d's dynamic_variables would take %,d bytes of JSON; Cartesia takes at most %,d"
                        .formatted(recipient.line(), oversize.get(), DynamicVariableLimits.MAX_BYTES));
                }
            }
            return Optional.empty();
        }
        catch (Exception unreadable) {
            throw new IllegalStateException("the recipients of job " + jobInstanceId + " cannot be read", unreadable);
        }
        finally {
            waiting.close();
        }
    }

    /** The columns of a job cannot be sent as they are now set. */
    static class ColumnsRefusedException extends RuntimeException {

        ColumnsRefusedException(InputFile file, SentColumns checked, String problem) {
            super("%s was validated with its columns sent as %s (Cartesia-Version %s), and cannot be sent as now set: %s; restart it with --bulkcall.cartesia.version=%s and bulkcall.columns.not-sent as it was, or keep those columns away"
                .formatted(file.name(), checked.version().recipientField(), checked.version(), problem, checked.version()));
        }
    }
}
