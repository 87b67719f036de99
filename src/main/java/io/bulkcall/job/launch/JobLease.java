package io.bulkcall.job.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.bulkcall.job.store.LeaseRepository;
import io.bulkcall.job.store.LeaseRepository.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Says which process runs a job instance, and whether it is still alive, so that a job left in
 * STARTED by a killed process is recovered by the next run while a job really running elsewhere is
 * left alone. The owner writes a heartbeat every few seconds while its job runs; an owner on this
 * host is dead as soon as its process is gone, one on another host once its heartbeat is stale.
 * One row per job instance: of several processes on one job database taking a job at once, one
 * gets it. Heartbeats are instants, so nodes in different time zones agree on them; their clocks
 * must agree to well within the expiry time. Thread-safe.
 */
@Component
public class JobLease implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration EXPIRY = HEARTBEAT.multipliedBy(6);

    private final LeaseRepository leases;
    private final Clock clock;
    private final String host;
    private final String owner;
    private final ScheduledExecutorService heartbeats;
    private volatile ScheduledFuture<?> heartbeat;

    /**
     * On the system clock, not the application's: a lease measures the life of processes, which other
     * hosts and Spring Batch's own times see in the system's time, whatever clock the job's calls run on.
     */
    public JobLease(LeaseRepository leases) {
        this.leases = leases;
        this.clock = Clock.systemUTC();
        this.owner = leases.thisProcess();
        this.host = owner.substring(owner.indexOf('@') + 1);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the job instance for this process, unless a process that may be alive holds it. A restart
     * claims the job before it launches anything; of several processes claiming one job at once,
     * exactly one wins, since the lease row's primary key admits one owner.
     *
     * @return whether this process now holds the job
     */
    public boolean claim(long jobInstanceId) {
        Optional<Lease> holder = leases.find(jobInstanceId);
        if (holder.isPresent()) {
            if (mayBeAlive(holder.get())) {
                return false;
            }
            // of the claimants that found the same dead owner, only the first removes it, and none
            // if the owner beat meanwhile: it was suspended, or a transaction of its held the row
            if (!leases.delete(jobInstanceId, holder.get())) {
                return false;
            }
        }
        return leases.insert(jobInstanceId, owner, clock.instant());
    }

    /**
     * Gives the job back, if this process holds it; harmless if it does not, or if the job database
     * fails meanwhile: the line that says how the job ended is the one to read, and a lease whose
     * process is gone is taken over.
     */
    public void release(long jobInstanceId) {
        try {
            leases.delete(jobInstanceId, owner);
        }
        catch (DataAccessException e) {
            log.debug("The lease of job instance {} was not given back: {}", jobInstanceId, e.getMessage());
        }
    }

    /** Keeps the claim of a restart, or claims a job starting for the first time, then beats. */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        if (!beat(jobInstanceId) && !claim(jobInstanceId)) {
            throw new IllegalStateException("job %d is held by process %s".formatted(jobExecution.getId(),
                    ownerOf(jobInstanceId).orElse("(gone meanwhile)")));
        }
        heartbeat = heartbeats.scheduleWithFixedDelay(() -> keepAlive(jobInstanceId), HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        ScheduledFuture<?> running = heartbeat;
        if (running != null) {
            running.cancel(false);
        }
        release(jobExecution.getJobInstanceId());
    }

    /** Renews this process's lease; whether it holds one. */
    private boolean beat(long jobInstanceId) {
        return leases.beat(jobInstanceId, owner, clock.instant());
    }

    private void keepAlive(long jobInstanceId) {
        try {
            if (!beat(jobInstanceId)) {
                // what this process records from here on fails on the lease (LeaseRepository.hold)
                log.warn("Job instance {} is held by process {} now, which found this process's lease expired; "
                        + "this process sends nothing more for it", jobInstanceId, ownerOf(jobInstanceId).orElse("(none)"));
                heartbeat.cancel(false);
            }
        }
        catch (RuntimeException e) {
            log.debug("Heartbeat of job {} not written: {}", jobInstanceId, e.getMessage());
        }
    }

    /**
     * Whether the process that left this execution running may still be running it. An execution
     * with no lease yet is given the expiry time to write one: it may have been created a moment ago.
     */
    public boolean ownerMayBeAlive(JobExecution running) {
        Optional<Lease> holder = leases.find(running.getJobInstanceId());
        if (holder.isEmpty()) {
            LocalDateTime created = running.getCreateTime();
            return created.atZone(ZoneId.systemDefault()).toInstant().plus(EXPIRY).isAfter(clock.instant());
        }
        return mayBeAlive(holder.get());
    }

    private boolean mayBeAlive(Lease lease) {
        String leaseOwner = lease.owner();
        if (leaseOwner.endsWith("@" + host)) {
            long pid = Long.parseLong(leaseOwner.substring(0, leaseOwner.indexOf('@')));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        return lease.heartbeatAt().plus(EXPIRY).isAfter(clock.instant());
    }

    public Optional<String> ownerOf(long jobInstanceId) {
        return leases.find(jobInstanceId).map(Lease::owner);
    }

    /**
     * The process that took the job over from this one, which it runs now; empty if none did, or if
     * the job database cannot tell (then the job's own failure is the line to read).
     */
    public Optional<String> takenOverBy(long jobInstanceId) {
        try {
            return leases.otherHolder(jobInstanceId);
        }
        catch (DataAccessException e) {
            return Optional.empty();
        }
    }
}
