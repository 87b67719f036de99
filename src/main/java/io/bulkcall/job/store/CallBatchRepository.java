package io.bulkcall.job.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.bulkcall.cartesia.CallBatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bc_batch} and {@code bc_batch_member} tables: one row per call batch of a job, written
 * with its members before its create is sent and completed once Cartesia answered, then kept up to
 * date by every poll. Thread-safe (stateless over JDBC).
 */
@Repository
public class CallBatchRepository {

    private static final String COLUMNS = """
            job_instance_id, batch_no, name, recipients, batch_id, status, calls_scheduled, calls_dispatched,
            calls_finished, failed, retry_count, retry_rounds, finished, intent_at, zones, redial_round, scheduled_at,
            closes_at, cancelled_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public CallBatchRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public int nextBatchNumber(long jobInstanceId) {
        return jdbc.sql("SELECT COALESCE(MAX(batch_no), 0) + 1 FROM bc_batch WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Integer.class)
            .single();
    }

    /**
     * Records that a batch is about to be created, with its members, in the caller's transaction, which
     * must commit before the create is sent: if the process dies after the create and before the
     * chunk commits, this is what tells the next run to look the batch up instead of creating it again.
     */
    public void recordIntent(BatchIntent intent) {
        insert(intent);
    }

    /**
     * Records a batch found at Cartesia that the database had lost, as created with these members; in
     * the caller's transaction, with the recipients' assignment.
     */
    public void recordAdopted(BatchIntent intent, CallBatch batch) {
        insert(intent);
        recordCreated(intent.jobInstanceId(), intent.batchNo(), batch);
    }

    private void insert(BatchIntent intent) {
        jdbc.sql("""
                INSERT INTO bc_batch (job_instance_id, batch_no, name, recipients, intent_at, zones, redial_round,
                    retry_rounds, scheduled_at, closes_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(intent.jobInstanceId(), intent.batchNo(), intent.name(), intent.members().size(),
                    Timestamp.from(intent.at()), intent.zones(), intent.redialRound(), intent.redialRound(),
                    timestamp(intent.scheduledAt()), timestamp(intent.closesAt()))
            .update();
        jdbcTemplate.batchUpdate("INSERT INTO bc_batch_member (job_instance_id, batch_no, line) VALUES (?, ?, ?)",
                intent.lines(), intent.lines().size(), (statement, line) -> {
                    statement.setLong(1, intent.jobInstanceId());
                    statement.setInt(2, intent.batchNo());
                    statement.setLong(3, line);
                });
    }

    /** Forgets a batch whose create never took effect, so that its recipients are sent again. */
    public void discardIntent(long jobInstanceId, int batchNo) {
        jdbc.sql("DELETE FROM bc_batch_member WHERE job_instance_id = ? AND batch_no = ?")
            .params(jobInstanceId, batchNo)
            .update();
        jdbc.sql("DELETE FROM bc_batch WHERE job_instance_id = ? AND batch_no = ? AND batch_id IS NULL")
            .params(jobInstanceId, batchNo)
            .update();
    }

    public void recordCreated(long jobInstanceId, int batchNo, CallBatch batch) {
        jdbc.sql("""
                UPDATE bc_batch SET batch_id = ?, status = ?, calls_scheduled = ?, calls_dispatched = ?,
                    calls_finished = ?, retry_count = ?, created_at = ?
                WHERE job_instance_id = ? AND batch_no = ?""")
            .params(batch.id(), batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(),
                    batch.createdAt() == null ? null : Timestamp.from(batch.createdAt().toInstant()), jobInstanceId,
                    batchNo)
            .update();
    }

    public List<TrackedBatch> all(long jobInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bc_batch WHERE job_instance_id = ? ORDER BY batch_no")
            .param(jobInstanceId)
            .query(CallBatchRepository::map)
            .list();
    }

    /** Created batches whose calls have not all ended yet, as far as the last poll knows. */
    public List<TrackedBatch> unfinished(long jobInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM bc_batch WHERE job_instance_id = ? AND batch_id IS NOT NULL AND finished = FALSE ORDER BY batch_no")
            .param(jobInstanceId)
            .query(CallBatchRepository::map)
            .list();
    }

    /** The lines of the recipients a batch was created with. */
    public List<Long> members(long jobInstanceId, int batchNo) {
        return jdbc.sql("SELECT line FROM bc_batch_member WHERE job_instance_id = ? AND batch_no = ? ORDER BY line")
            .params(jobInstanceId, batchNo)
            .query(Long.class)
            .list();
    }

    public void recordProgress(long jobInstanceId, CallBatch batch, boolean finished) {
        jdbc.sql("""
                UPDATE bc_batch SET status = ?, calls_scheduled = ?, calls_dispatched = ?, calls_finished = ?,
                    retry_count = ?, finished = ?
                WHERE job_instance_id = ? AND batch_id = ?""")
            .params(batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(), finished, jobInstanceId, batch.id())
            .update();
    }

    /** Records how many of the recipients the batch holds failed, once its outcomes are in. */
    public void recordFailed(long jobInstanceId, int batchNo, int failed) {
        jdbc.sql("UPDATE bc_batch SET failed = ? WHERE job_instance_id = ? AND batch_no = ?")
            .params(failed, jobInstanceId, batchNo)
            .update();
    }

    /** Records that bulkcall cancelled the batch (its window closing, a stop, {@code bulkcall cancel}). */
    public void recordCancelled(long jobInstanceId, CallBatch batch, Instant at) {
        jdbc.sql("""
                UPDATE bc_batch SET status = ?, calls_scheduled = ?, calls_dispatched = ?, calls_finished = ?,
                    retry_count = ?, cancelled_at = ?
                WHERE job_instance_id = ? AND batch_id = ?""")
            .params(batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(), Timestamp.from(at), jobInstanceId, batch.id())
            .update();
    }

    /**
     * Finished batches that still hold recipients whose latest attempt failed and that no redial
     * round up to {@code round} dealt with yet.
     */
    public List<TrackedBatch> redialTargets(long jobInstanceId, int round) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bc_batch WHERE job_instance_id = ? AND batch_id IS NOT NULL"
                + " AND finished = TRUE AND failed > 0 AND retry_rounds < ? ORDER BY batch_no")
            .params(jobInstanceId, round)
            .query(CallBatchRepository::map)
            .list();
    }

    /**
     * Records that the batch was retried in this round: it dials again until {@code closesAt}, and is
     * polled until its calls end.
     */
    public void recordRetried(long jobInstanceId, CallBatch batch, int round, Instant closesAt) {
        jdbc.sql("""
                UPDATE bc_batch SET status = ?, calls_scheduled = ?, calls_dispatched = ?, calls_finished = ?,
                    retry_count = ?, retry_rounds = ?, finished = FALSE, failed = 0, closes_at = ?
                WHERE job_instance_id = ? AND batch_id = ?""")
            .params(batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(), round, timestamp(closesAt), jobInstanceId,
                    batch.id())
            .update();
    }

    /** Records that this round moved the batch's failed recipients to a batch of their own. */
    public void recordRedialElsewhere(long jobInstanceId, int batchNo, int round) {
        jdbc.sql("UPDATE bc_batch SET retry_rounds = ?, failed = 0 WHERE job_instance_id = ? AND batch_no = ?")
            .params(round, jobInstanceId, batchNo)
            .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static TrackedBatch map(ResultSet rs, int row) throws SQLException {
        return new TrackedBatch(rs.getLong("job_instance_id"), rs.getInt("batch_no"), rs.getString("name"),
                rs.getInt("recipients"), rs.getString("batch_id"), rs.getString("status"),
                rs.getInt("calls_scheduled"), rs.getInt("calls_dispatched"), rs.getInt("calls_finished"),
                rs.getInt("failed"), rs.getInt("retry_count"), rs.getInt("retry_rounds"), rs.getBoolean("finished"),
                instant(rs, "intent_at"), rs.getString("zones"), rs.getInt("redial_round"),
                instant(rs, "scheduled_at"), instant(rs, "closes_at"), instant(rs, "cancelled_at"));
    }
}
