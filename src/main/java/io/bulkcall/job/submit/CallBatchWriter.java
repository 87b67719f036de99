package io.bulkcall.job.submit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CallRecipient;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.cartesia.CreateCallBatchRequest;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.BatchIntent;
import io.bulkcall.job.store.LeasedTransaction;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.StagedRecipient;
import io.bulkcall.validation.Counts;
import io.bulkcall.validation.SentColumns;
import io.bulkcall.window.CallingWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Creates one Cartesia call batch for each planned batch, exactly once: its intent and members are
 * committed before the create is sent, with a reservation of each recipient's dial under the contact
 * policy ({@link ContactHistory}; a number at its limit is left out), {@link SendOnce} reconciles an
 * unknown outcome by the batch's name, and its id is recorded against its recipients in the chunk's
 * own transaction. Once the step execution was asked to stop, no further batch is created: the chunk
 * at hand is rolled back and the step ends STOPPED. Not thread-safe: one per step execution.
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
    private final ContactHistory contacts;
    private final LeasedTransaction leased;
    private final Clock clock;
    private SentColumns sentColumns;

    CallBatchWriter(StepExecution stepExecution, BulkcallProperties properties, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, CartesiaClient client, CallBatchFinder finder,
            SendOnce sendOnce, CallingWindows windows, ContactHistory contacts, LeasedTransaction leased,
            Clock clock) {
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
        this.contacts = contacts;
        this.leased = leased;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends PlannedBatch> chunk) throws JobInterruptedException {
        for (PlannedBatch planned : chunk) {
            if (stepExecution.isTerminateOnly()) {
                throw new JobInterruptedException("job %d was asked to stop: %s from line %d not sent"
                    .formatted(stepExecution.getJobExecutionId(), Counts.of(planned.recipients().size(), "recipient"),
                            planned.lines().get(0)));
            }
            if (jobs.isCancelled(jobInstanceId)) {
                log.info("Job {} was cancelled: {} from line {} not sent", jobInstanceId,
                        Counts.of(planned.recipients().size(), "recipient"), planned.lines().get(0));
                return;
            }
            create(planned);
        }
    }

    private void create(PlannedBatch planned) throws JobInterruptedException {
        int batchNo = batches.nextBatchNumber(jobInstanceId);
        String name = CallBatchNames.of(file, jobInstanceId, batchNo);
        Instant intentAt = clock.instant();
        BatchIntent planning = new BatchIntent(jobInstanceId, batchNo, name,
                planned.recipients().stream().map(r -> new BatchIntent.Member(r.line(), r.toNumber())).toList(),
                planned.zones(), planned.redialRound(), planned.dispatch().scheduledAt(), planned.dispatch().windowEnd(),
                intentAt);
        BatchIntent intent = leased.execute(jobInstanceId, () -> recordIntent(planning, dialsAt(planned, intentAt)));
        if (intent.members().isEmpty()) {
            return;
        }
        Set<String> kept = new HashSet<>(intent.numbers());
        List<StagedRecipient> sent = planned.recipients().stream()
            .filter(recipient -> kept.contains(recipient.toNumber()))
            .toList();
        SentColumns columns = sentColumns();
        List<CallRecipient> callRecipients = sent.stream()
            .map(recipient -> CallRecipient.of(columns.version(), recipient.toNumber(), columns.fieldsOf(recipient.metadata())))
            .toList();
        CreateCallBatchRequest request = request(name, callRecipients, planned.dispatch().scheduledAt());
        CallBatch batch;
        try {
            batch = BulkCallJob.stoppable(() -> sendOnce.send("call batch \"" + name + "\"",
                    () -> client.createCallBatch(request), () -> finder.findByName(name, callRecipients.size(), intentAt)));
        }
        catch (CartesiaException refused) {
            throw refused.refusedRecipient()
                .filter(recipient -> recipient.index() < sent.size())
                .<RuntimeException>map(recipient -> RecipientRefusedException.of(file, sent.get(recipient.index()).line(),
                        recipient.key().flatMap(columns::headerOf), refused))
                .orElse(refused);
        }
        batches.recordCreated(jobInstanceId, batchNo, batch);
        recipients.assign(jobInstanceId, intent.lines(), batchNo, batch.id());
        log.info("Created call batch {} \"{}\" with {}{}", batch.id(), name, Counts.of(callRecipients.size(), "recipient"),
                dialing(planned));
    }

    /**
     * Reserves a dial of each recipient's number under the contact policy and records the batch's
     * intent with those whose reservation went through, in one transaction that commits before the
     * create is sent, while this process holds the job's lease; a recipient whose number reached its
     * limit is left out and dialed no more.
     */
    private BatchIntent recordIntent(BatchIntent planning, Instant dialsAt) {
        Map<String, String> refused = contacts.reserve(jobInstanceId, planning.batchNo(), 0, planning.numbers(), dialsAt);
        if (!refused.isEmpty()) {
            Map<Long, String> notDialed = new LinkedHashMap<>();
            planning.members().stream()
                .filter(member -> refused.containsKey(member.toNumber()))
                .forEach(member -> notDialed.put(member.line(), "contact limit: " + refused.get(member.toNumber())));
            recipients.markNotDialed(jobInstanceId, notDialed);
            log.info("{} of call batch \"{}\" left out, at the contact limit", Counts.of(refused.size(), "recipient"),
                    planning.name());
        }
        BatchIntent intent = planning.without(refused.keySet());
        if (!intent.members().isEmpty()) {
            batches.recordIntent(intent);
        }
        return intent;
    }

    /** What the job's columns become, as validation decided it (or a check at the step's start changed it). */
    private SentColumns sentColumns() {
        if (sentColumns == null) {
            sentColumns = jobs.sentColumns(jobInstanceId);
        }
        return sentColumns;
    }

    /** A dial counts from when it may happen: the batch's start, or now. */
    private static Instant dialsAt(PlannedBatch planned, Instant now) {
        Instant start = planned.dispatch().scheduledAt();
        return start != null && start.isAfter(now) ? start : now;
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

    private CreateCallBatchRequest request(String name, List<CallRecipient> callRecipients, Instant scheduledAt) {
        BulkcallProperties.Batch options = properties.batch();
        return new CreateCallBatchRequest(name, properties.agentId(), properties.fromNumberId(), callRecipients,
                options.targetConcurrencyLimit(), options.ringingTimeoutSeconds(), options.maxCallDurationMinutes(),
                scheduledAt == null ? null : scheduledAt.atOffset(ZoneOffset.UTC));
    }
}
