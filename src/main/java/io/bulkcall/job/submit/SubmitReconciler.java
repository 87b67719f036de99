package io.bulkcall.job.submit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.BatchIntent;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.store.WaitingGroup;
import io.bulkcall.validation.Counts;
import io.bulkcall.validation.SeenNumbers;
import io.bulkcall.window.CallingWindows;
import io.bulkcall.window.Dispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.UnexpectedJobExecutionException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the submit step first reads anything in a job execution, makes the job database agree with
 * what Cartesia holds, so that no batch is created twice whatever the database forgot. One paged pass
 * of List Call Batches, back to the job's first start, finds every batch under this job's names:
 * <ul>
 * <li>a batch whose create was in doubt when the last run stopped (its intent has no batch id) is
 * adopted if Cartesia has it, or forgotten so that its chunk is sent again;</li>
 * <li>a batch the database does not know at all (a restored backup, commits a crash or a database
 * without durable commits lost) is adopted, its recipients matched by number among the recipients
 * still waiting;</li>
 * <li>a batch under this job's name that cannot be matched stops the step with a message naming it:
 * never a guess, never a second create.</li>
 * </ul>
 * On a first run this costs one page. Thread-safe (stateless).
 */
@Component
class SubmitReconciler implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SubmitReconciler.class);

    /** Job context key: the job execution whose submit step reconciled already. */
    private static final String RECONCILED = "bulkcall.reconciled";

    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final JobRepository jobRepository;
    private final CartesiaClient client;
    private final CallingWindows windows;
    private final ContactHistory contacts;
    private final InDoubtCreates inDoubt;
    private final String agentId;
    private final TransactionTemplate transaction;

    public SubmitReconciler(CallBatchRepository batches, RecipientRepository recipients, JobRecordRepository jobs,
            JobRepository jobRepository, CartesiaClient client, CallingWindows windows, ContactHistory contacts,
            InDoubtCreates inDoubt, BulkcallProperties properties, PlatformTransactionManager transactionManager) {
        this.batches = batches;
        this.recipients = recipients;
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.client = client;
        this.windows = windows;
        this.contacts = contacts;
        this.inDoubt = inDoubt;
        this.agentId = properties.agentId();
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            BulkCallJob.stoppable(() -> reconcile(stepExecution));
        }
        catch (JobInterruptedException stopped) {
            // a listener cannot throw it itself; Spring Batch looks one level down
            throw new UnexpectedJobExecutionException(stopped.getMessage(), stopped);
        }
    }

    private void reconcile(StepExecution stepExecution) {
        JobExecution jobExecution = stepExecution.getJobExecution();
        // a restart copies the job context of the execution before it: the flag names its execution
        if (jobExecution.getExecutionContext().getLong(RECONCILED, -1) == jobExecution.getId()) {
            return;
        }
        jobExecution.getExecutionContext().putLong(RECONCILED, jobExecution.getId());
        long jobInstanceId = jobExecution.getJobInstanceId();
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        Map<String, CallBatch> atCartesia = jobBatchesAtCartesia(jobExecution, file);
        Map<Integer, TrackedBatch> known = batches.all(jobInstanceId)
            .stream()
            .collect(Collectors.toMap(TrackedBatch::batchNo, Function.identity()));
        for (TrackedBatch intent : known.values()) {
            if (intent.batchId() == null) {
                inDoubt.settle(intent, atCartesia.get(intent.name()));
            }
        }
        List<CallBatch> lost = new ArrayList<>();
        for (CallBatch batch : atCartesia.values()) {
            TrackedBatch knownAs = known.get(CallBatchNames.numberOf(batch.name(), file, jobInstanceId).orElseThrow());
            if (knownAs == null) {
                lost.add(batch);
            }
            else if (knownAs.batchId() != null && !knownAs.batchId().equals(batch.id())) {
                throw new CartesiaException("Cartesia holds call batch %s named \"%s\", but the job database records %s under that name; cancel the one that should not dial, then restart"
                    .formatted(batch.id(), batch.name(), knownAs.batchId()));
            }
        }
        lost.sort(Comparator.comparing(CallBatch::name));
        if (!lost.isEmpty()) {
            adoptLost(jobInstanceId, file, lost);
        }
    }

    /** This job's batches at Cartesia by name, from one List pass back to the job's first start. */
    private Map<String, CallBatch> jobBatchesAtCartesia(JobExecution jobExecution, InputFile file) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        Map<String, List<CallBatch>> byName = client.listCallBatchesSince(agentId, firstStart(jobExecution))
            .filter(batch -> CallBatchNames.numberOf(batch.name(), file, jobInstanceId).isPresent())
            .collect(Collectors.groupingBy(CallBatch::name));
        byName.values().stream().filter(same -> same.size() > 1).findFirst().ifPresent(same -> {
            throw CallBatchFinder.heldMoreThanOnce(same);
        });
        return byName.values().stream().map(same -> same.get(0)).collect(Collectors.toMap(CallBatch::name, b -> b));
    }

    /** The earliest start the job database knows of: its own record, or Spring Batch's first execution. */
    private Instant firstStart(JobExecution jobExecution) {
        Instant recorded = jobs.createdAt(jobExecution.getJobInstanceId()).orElse(Instant.MAX);
        Instant firstExecution = jobRepository.getJobExecutions(jobExecution.getJobInstance())
            .stream()
            .map(JobExecution::getCreateTime)
            .filter(time -> time != null)
            .map(time -> time.atZone(ZoneId.systemDefault()).toInstant())
            .min(Comparator.naturalOrder())
            .orElse(Instant.MAX);
        Instant earliest = recorded.isBefore(firstExecution) ? recorded : firstExecution;
        return earliest == Instant.MAX ? Instant.now() : earliest;
    }

    /**
     * Adopts batches the database has no trace of, matching their recipients by number: each must be a
     * recipient of this job still waiting for a batch.
     */
    private void adoptLost(long jobInstanceId, InputFile file, List<CallBatch> lost) {
        SeenNumbers waiting = recipients.waiting(jobInstanceId);
        Set<Long> taken = new HashSet<>();
        for (CallBatch listed : lost) {
            CallBatch batch = client.getCallBatch(listed.id());
            List<BatchIntent.Member> members = new ArrayList<>(batch.recipients().size());
            for (var recipient : batch.recipients()) {
                long line = lineOf(waiting, recipient.toNumber());
                if (line < 0 || !taken.add(line)) {
                    throw new CartesiaException("call batch %s (\"%s\") holds %s, which the job database has no recipient waiting for; the database does not match Cartesia: look at the batch in Cartesia's dashboard, cancel it if it should not dial, then restart"
                        .formatted(batch.id(), batch.name(), recipient.toNumber()));
                }
                members.add(new BatchIntent.Member(line, recipient.toNumber()));
            }
            int batchNo = CallBatchNames.numberOf(batch.name(), file, jobInstanceId).orElseThrow();
            WaitingGroup group = recipients.groupOf(jobInstanceId, members.get(0).line());
            Instant created = batch.scheduledAt() != null ? batch.scheduledAt().toInstant() : batch.createdAt().toInstant();
            Instant windowEnd = windows.dispatch(group.zones(), created).map(Dispatch::windowEnd).orElse(null);
            BatchIntent intent = new BatchIntent(jobInstanceId, batchNo, batch.name(), members, group.zones(),
                    group.redialRound(), batch.scheduledAt() == null ? null : batch.scheduledAt().toInstant(), windowEnd,
                    batch.createdAt().toInstant());
            transaction.executeWithoutResult(status -> {
                batches.recordAdopted(intent, batch);
                recipients.assign(jobInstanceId, intent.lines(), batchNo, batch.id());
                contacts.record(jobInstanceId, batchNo, 0, intent.numbers(), intent.at());
            });
            log.warn("Call batch {} \"{}\" with {} was missing from the job database (restored from a backup, or commits lost); adopted it",
                    batch.id(), batch.name(), Counts.of(members.size(), "recipient"));
        }
    }

    private static long lineOf(SeenNumbers waiting, String number) {
        try {
            return waiting.firstLineOf(SeenNumbers.toLong(number));
        }
        catch (IllegalArgumentException notE164) {
            return -1;
        }
    }
}
