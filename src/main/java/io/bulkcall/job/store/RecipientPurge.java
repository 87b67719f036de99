package io.bulkcall.job.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.bulkcall.database.Compaction;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.time.StopSignal;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets the personal data the job database no longer needs ({@code bulkcall purge},
 * {@code bulkcall.retention.recipients}): the staged recipients (numbers and metadata) of every job
 * that completed, or that validation refused, before a given time, and its batches' member rows. A job
 * keeps its counts by status, so {@code status} still shows it; a job that may still run (started,
 * failed, stopped: restartable) is never touched; the contact history keeps what the policy's period
 * still needs (older dials go). On H2 the database file is compacted as it closes, so the values are
 * gone from the file too, the expired dials' numbers with them. Reports in the output folder are the
 * operator's and are not touched. Thread-safe.
 */
@Component
public class RecipientPurge {

    private static final int JOBS_PER_PAGE = 100;

    private final JobRepository jobRepository;
    private final JobRecordRepository jobs;
    private final RecipientRepository recipients;
    private final ContactHistory contacts;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final StopSignal stop;

    public RecipientPurge(JobRepository jobRepository, JobRecordRepository jobs, RecipientRepository recipients,
            ContactHistory contacts, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
            StopSignal stop) {
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.recipients = recipients;
        this.contacts = contacts;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.stop = stop;
    }

    /** What one purge removed, for the lines it prints. */
    public record Purged(long jobExecutionId, String file, Instant endedAt, int recipients) {
    }

    /** What a purge did: the jobs it purged, and whether it stopped before the others, as bulkcall was asked to. */
    public record Purges(List<Purged> jobs, boolean stopped) {
    }

    /**
     * @param olderThan how long ago a job must have ended for its recipients to go
     * @param purgedJob told of each job as soon as its purge is committed: a purge that fails part way
     *        has still purged those
     * @return the jobs whose recipients were purged; once the process is asked to stop, it purges no
     *         further job (the one being purged is one transaction, and finishes)
     */
    public Purges purge(Duration olderThan, Consumer<Purged> purgedJob) {
        // Spring Batch records when a job ended on the system clock
        Instant endedBefore = Instant.now().minus(olderThan);
        List<Purged> purged = new ArrayList<>();
        for (int page = 0;; page += JOBS_PER_PAGE) {
            List<JobInstance> instances = jobRepository.getJobInstances(BulkCallJob.NAME, page, JOBS_PER_PAGE);
            for (JobInstance instance : instances) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last != null && isEnded(last) && endedAt(last).isBefore(endedBefore) && jobs.purgedAt(instance.getInstanceId()).isEmpty()) {
                    if (stop.requested()) {
                        return new Purges(purged, true);
                    }
                    if (purged.isEmpty()) {
                        // before the first deletion, not after the last: a purge that fails or is ended
                        // at a later job has still deleted the earlier ones' values, which only a
                        // compaction takes out of the file, and a later purge would find nothing left
                        // to purge for them
                        Compaction.request(dataSource);
                    }
                    Purged job = purge(last);
                    purged.add(job);
                    purgedJob.accept(job);
                }
            }
            if (instances.size() < JOBS_PER_PAGE) {
                break;
            }
        }
        if (contacts.expire(clock.instant()) > 0) {
            // expired dials are numbers too: out of the file, as the purged recipients are
            Compaction.request(dataSource);
        }
        return new Purges(purged, false);
    }

    private Purged purge(JobExecution last) {
        long jobInstanceId = last.getJobInstanceId();
        int removed = transaction.execute(status -> recipients.purge(jobInstanceId, clock.instant()));
        return new Purged(last.getId(), InputFile.from(last.getJobParameters()).name(), endedAt(last), removed);
    }

    /**
     * Completed, abandoned, or refused by validation: no run will dial its recipients. A refused file
     * dropped again unchanged is its job again, and is refused again once purged (see FileJobLauncher).
     */
    private static boolean isEnded(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        boolean refused = status == BatchStatus.FAILED
                && BulkCallJob.refusal(execution).isPresent();
        return (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED || refused)
                && execution.getEndTime() != null;
    }

    private static Instant endedAt(JobExecution execution) {
        return execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant();
    }
}
