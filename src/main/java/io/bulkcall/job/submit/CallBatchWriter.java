package io.bulkcall.job.submit;

import java.time.Clock;
import java.util.List;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CallRecipient;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CreateCallBatchRequest;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.InputFile;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.StagedRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Turns one chunk of staged recipients into one Cartesia call batch. The batch's intent is
 * committed before the create; its id is recorded against the recipients in the chunk's own
 * transaction, together with the reader's progress. Once the step execution was asked to stop, no
 * further batch is created: the chunk at hand is rolled back and the step ends STOPPED. Not
 * thread-safe: one per step execution.
 */
public class CallBatchWriter implements ItemWriter<StagedRecipient> {

    private static final Logger log = LoggerFactory.getLogger(CallBatchWriter.class);

    private final StepExecution stepExecution;
    private final InputFile file;
    private final long jobInstanceId;
    private final BulkcallProperties properties;
    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CartesiaClient client;
    private final CallBatchFinder finder;
    private final SendOnce sendOnce;
    private final Clock clock;

    public CallBatchWriter(StepExecution stepExecution, BulkcallProperties properties, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, CartesiaClient client, CallBatchFinder finder,
            SendOnce sendOnce, Clock clock) {
        this.stepExecution = stepExecution;
        this.file = InputFile.from(stepExecution.getJobExecution().getJobParameters());
        this.jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
        this.properties = properties;
        this.jobs = jobs;
        this.batches = batches;
        this.recipients = recipients;
        this.client = client;
        this.finder = finder;
        this.sendOnce = sendOnce;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends StagedRecipient> chunk) throws JobInterruptedException {
        if (chunk.isEmpty()) {
            return;
        }
        if (stepExecution.isTerminateOnly()) {
            throw new JobInterruptedException("job %d was asked to stop: %d recipients from line %d are not sent"
                .formatted(stepExecution.getJobExecutionId(), chunk.size(), chunk.getItems().get(0).line()));
        }
        if (jobs.isCancelled(jobInstanceId)) {
            log.info("Job {} was cancelled: {} recipients from line {} are not sent", jobInstanceId, chunk.size(),
                    chunk.getItems().get(0).line());
            return;
        }
        List<StagedRecipient> items = List.copyOf(chunk.getItems());
        int chunkNo = batches.nextChunkNumber(jobInstanceId);
        String name = CallBatchNames.of(file, jobInstanceId, chunkNo);
        var intentAt = clock.instant();
        batches.recordIntent(jobInstanceId, chunkNo, name, items.get(0).line(), items.get(items.size() - 1).line(),
                items.size(), intentAt);
        CreateCallBatchRequest request = request(name, items);
        CallBatch batch = sendOnce.send("call batch \"" + name + "\"", () -> client.createCallBatch(request),
                () -> finder.findByName(name, items.size(), intentAt));
        batches.recordCreated(jobInstanceId, chunkNo, batch);
        recipients.assignBatch(jobInstanceId, items, chunkNo, batch.id());
        log.info("Created call batch {} \"{}\" with {} recipients", batch.id(), name, items.size());
    }

    private CreateCallBatchRequest request(String name, List<StagedRecipient> items) {
        BulkcallProperties.Batch options = properties.batch();
        return new CreateCallBatchRequest(name, properties.agentId(), properties.fromNumberId(),
                items.stream().map(item -> new CallRecipient(item.toNumber(), item.metadata())).toList(),
                options.targetConcurrencyLimit(), options.ringingTimeoutSeconds(), options.maxCallDurationMinutes(),
                options.scheduledAt());
    }
}
