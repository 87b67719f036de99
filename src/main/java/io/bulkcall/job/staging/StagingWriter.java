package io.bulkcall.job.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.validation.AcceptedRecipient;
import io.bulkcall.validation.RejectedRow;
import io.bulkcall.validation.ScreenedRow;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

/**
 * The validate step's writer: stages accepted recipients in the job database and records each
 * rejected row, both in the database (for the counts) and in {@code rejected.csv} (for the operator),
 * all in the chunk's transaction. The CSV writer is transactional and restartable, so a restart
 * neither loses nor repeats a rejected row. Not thread-safe: one per step execution.
 */
class StagingWriter implements ItemStreamWriter<ScreenedRow> {

    private final long jobInstanceId;
    private final Supplier<CsvHeader> header;
    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final FlatFileItemWriter<RejectedRow> rejectedCsv;

    /**
     * @param header the input's header, known once the reader is open (it opens before this writer)
     */
    public StagingWriter(long jobInstanceId, Supplier<CsvHeader> header, RecipientRepository recipients,
            JobRecordRepository jobs, FlatFileItemWriter<RejectedRow> rejectedCsv) {
        this.jobInstanceId = jobInstanceId;
        this.header = header;
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
        jobs.recordMetadataColumns(jobInstanceId, header.get().metadataColumns());
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
