package io.bulkcall.job.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bc_lease} table: which process holds each running job instance, and when it last said it
 * was alive. One row per job instance, so of several processes taking one job at once, the primary key
 * lets one through. A process names itself {@code pid@host}. Thread-safe (stateless over JDBC).
 */
@Repository
public class LeaseRepository {

    private final JdbcClient jdbc;

    private final String thisProcess;

    public LeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.thisProcess = ProcessHandle.current().pid() + "@" + hostName();
    }

    /** This process, as the table names the owner of a lease: {@code pid@host}. */
    public String thisProcess() {
        return thisProcess;
    }

    /** A job's lease: who holds it, and when it last beat. */
    public record Lease(String owner, Instant heartbeatAt) {
    }

    public Optional<Lease> find(long jobInstanceId) {
        return jdbc.sql("SELECT owner, heartbeat_at FROM bc_lease WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query((rs, row) -> new Lease(rs.getString(1), rs.getTimestamp(2).toInstant()))
            .optional();
    }

    /** Takes the job for {@code owner}; whether it got it (another owner's row is there already: no). */
    public boolean insert(long jobInstanceId, String owner, Instant at) {
        try {
            jdbc.sql("INSERT INTO bc_lease (job_instance_id, owner, heartbeat_at) VALUES (?, ?, ?)")
                .params(jobInstanceId, owner, Timestamp.from(at))
                .update();
            return true;
        }
        catch (DuplicateKeyException claimedByAnother) {
            return false;
        }
    }

    /** Renews {@code owner}'s lease; whether it holds one. */
    public boolean beat(long jobInstanceId, String owner, Instant at) {
        return jdbc.sql("UPDATE bc_lease SET heartbeat_at = ? WHERE job_instance_id = ? AND owner = ?")
            .params(Timestamp.from(at), jobInstanceId, owner)
            .update() > 0;
    }

    /** Removes {@code owner}'s lease; whether there was one. */
    public boolean delete(long jobInstanceId, String owner) {
        return jdbc.sql("DELETE FROM bc_lease WHERE job_instance_id = ? AND owner = ?")
            .params(jobInstanceId, owner)
            .update() > 0;
    }

    /**
     * Removes a lease as it was read: not if its owner beat since, which says it is alive after all.
     *
     * @return whether it was removed
     */
    public boolean delete(long jobInstanceId, Lease seen) {
        return jdbc.sql("DELETE FROM bc_lease WHERE job_instance_id = ? AND owner = ? AND heartbeat_at = ?")
            .params(jobInstanceId, seen.owner(), Timestamp.from(seen.heartbeatAt()))
            .update() > 0;
    }

    /**
     * Renews this process's lease in the caller's transaction, and so fences what the transaction
     * records before something is sent to Cartesia: a process that took the job over found this one's
     * lease expired (it was suspended, or its clock is off) and runs the job now, and this one must
     * send nothing more for it. The row stays locked until the transaction ends, so a process taking
     * the job over meanwhile finds the lease renewed and leaves the job alone.
     *
     * <p>On the system clock, as every heartbeat: a lease measures the life of processes.
     *
     * @throws JobTakenOverException when another process holds the job now
     */
    public void hold(long jobInstanceId) {
        if (!beat(jobInstanceId, thisProcess, Instant.now())) {
            throw new JobTakenOverException(jobInstanceId, find(jobInstanceId).map(Lease::owner).orElse("none"));
        }
    }

    /** The process other than this one that holds the job now, if one does: it took the job over. */
    public Optional<String> otherHolder(long jobInstanceId) {
        return find(jobInstanceId).map(Lease::owner).filter(owner -> !owner.equals(thisProcess));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
