package io.bulkcall.job.submit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CallRecipient;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CreateCallBatchRequest;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.InputFile;
import io.bulkcall.job.store.BatchIntent;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.window.CallingWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Creates one Cartesia call batch for each planned batch, exactly once: its intent and members are
 * committed before the create is sent ({@link SendOnce} reconciles an unknown outcome by the batch's
 * name), and its id is recorded against its recipients in the chunk's own transaction. Once the step
 * execution was asked to stop, no further batch is created: the chunk at hand is rolled back and the
 * step ends STOPPED. Not thread-safe: one per step execution.
 */
class CallBatchWriter implements ItemWriter<PlannedBatch> {

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
    private final CallingWindows windows;
    private final Clock clock;

    CallBatchWriter(StepExecution stepExecution, BulkcallProperties properties, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, CartesiaClient client, CallBatchFinder finder,
            SendOnce sendOnce, CallingWindows windows, Clock clock) {
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
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends PlannedBatch> chunk) throws JobInterruptedException {
        for (PlannedBatch planned : chunk) {
            if (stepExecution.isTerminateOnly()) {
                throw new JobInterruptedException("job %d was asked to stop: %d recipients from line %d are not sent"
                    .formatted(stepExecution.getJobExecutionId(), planned.recipients().size(), planned.lines().get(0)));
            }
            if (jobs.isCancelled(jobInstanceId)) {
                log.info("Job {} was cancelled: {} recipients from line {} are not sent", jobInstanceId,
                        planned.recipients().size(), planned.lines().get(0));
                return;
            }
            create(planned);
        }
    }

    private void create(PlannedBatch planned) {
        int batchNo = batches.nextBatchNumber(jobInstanceId);
        String name = CallBatchNames.of(file, jobInstanceId, batchNo);
        Instant intentAt = clock.instant();
        BatchIntent intent = new BatchIntent(jobInstanceId, batchNo, name, planned.lines(), planned.zones(),
                planned.redialRound(), planned.dispatch().scheduledAt(), planned.dispatch().windowEnd(), intentAt);
        batches.recordIntent(intent);
        CreateCallBatchRequest request = request(name, planned);
        CallBatch batch = sendOnce.send("call batch \"" + name + "\"", () -> client.createCallBatch(request),
                () -> finder.findByName(name, planned.recipients().size(), intentAt));
        batches.recordCreated(jobInstanceId, batchNo, batch);
        recipients.assign(jobInstanceId, planned.lines(), batchNo, batch.id());
        log.info("Created call batch {} \"{}\" with {} recipients{}", batch.id(), name, planned.recipients().size(),
                dialing(planned));
    }

    private String dialing(PlannedBatch planned) {
        Instant start = planned.dispatch().scheduledAt();
        Instant end = planned.dispatch().windowEnd();
        if (end == null) {
            return start == null ? "" : "; dialing from " + start;
        }
        return " in %s, dialing %s until %s".formatted(planned.zones(),
                start == null ? "now" : "from " + windows.local(start, planned.zones()),
                windows.local(windows.cancelAt(end), planned.zones()));
    }

    private CreateCallBatchRequest request(String name, PlannedBatch planned) {
        BulkcallProperties.Batch options = properties.batch();
        Instant scheduledAt = planned.dispatch().scheduledAt();
        return new CreateCallBatchRequest(name, properties.agentId(), properties.fromNumberId(),
                planned.recipients().stream().map(item -> new CallRecipient(item.toNumber(), item.metadata())).toList(),
                options.targetConcurrencyLimit(), options.ringingTimeoutSeconds(), options.maxCallDurationMinutes(),
                scheduledAt == null ? null : scheduledAt.atOffset(ZoneOffset.UTC));
    }
}
