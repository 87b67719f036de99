package io.bulkcall.job.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bc_lease} table: which process holds each running job instance, and when it last said it
 * was alive. One row per job instance, so of several processes taking one job at once, the primary key
 * lets one through. Thread-safe (stateless over JDBC).
 */
@Repository
public class LeaseRepository {

    private final JdbcClient jdbc;

    public LeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
