package io.bulkcall.job.staging;

import java.util.ArrayList;
import java.util.List;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.validation.AcceptedRecipient;
import io.bulkcall.validation.RejectedRow;
import io.bulkcall.validation.ScreenedRow;
import io.bulkcall.validation.SentColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

/**
 * The validate step's writer: stages accepted recipients in the job database and records each
 * rejected row, both in the database (for the counts) and in {@code rejected.csv} (for the operator),
 * all in the chunk's transaction. The CSV writer is transactional and restartable, so a restart
 * neither loses nor repeats a rejected row. As it opens, it records with the job what the file's
 * columns become at Cartesia, and says so in a line the first time. Not thread-safe: one per step
 * execution.
 */
class StagingWriter implements ItemStreamWriter<ScreenedRow> {

    private static final Logger log = LoggerFactory.getLogger(StagingWriter.class);

    private final long jobInstanceId;
    private final String file;
    private final CheckedRowReader reader;
    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final FlatFileItemWriter<RejectedRow> rejectedCsv;

    /**
     * @param reader the step's reader, whose header and columns are known once it is open (it opens
     *        before this writer)
     */
    StagingWriter(JobExecution jobExecution, CheckedRowReader reader, RecipientRepository recipients,
            JobRecordRepository jobs, FlatFileItemWriter<RejectedRow> rejectedCsv) {
        this.jobInstanceId = jobExecution.getJobInstanceId();
        this.file = InputFile.from(jobExecution.getJobParameters()).name();
        this.reader = reader;
        this.recipients = recipients;
        this.jobs = jobs;
        this.rejectedCsv = rejectedCsv;
    }

    @Override
    public void write(Chunk<? extends ScreenedRow> chunk) throws Exception {
        List<AcceptedRecipient> accepted = new ArrayList<>(chunk.size());
        List<RejectedRow> rejected = new ArrayList<>();
        for (ScreenedRow row : chunk) {
            if (row instanceof AcceptedRecipient recipient) {
                accepted.add(recipient);
            }
            else {
                rejected.add((RejectedRow) row);
            }
        }
        if (!accepted.isEmpty()) {
            recipients.stage(jobInstanceId, accepted);
        }
        if (!rejected.isEmpty()) {
            recipients.recordRejections(jobInstanceId, rejected);
            rejectedCsv.write(new Chunk<>(rejected));
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        SentColumns sentColumns = reader.sentColumns();
        if (jobs.recordColumns(jobInstanceId, reader.header().metadataColumns(), sentColumns)) {
            log.info("{}: {}", file, sentColumns.describe());
            sentColumns.warnings().forEach(warning -> log.warn("{}: {}", file, warning));
        }
        rejectedCsv.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        rejectedCsv.update(executionContext);
    }

    @Override
    public void close() {
        rejectedCsv.close();
    }
}
