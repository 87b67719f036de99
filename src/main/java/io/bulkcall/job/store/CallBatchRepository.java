package io.bulkcall.job.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
            calls_finished, failed, retry_count, finished, intent_at, zones, redial_round, scheduled_at,
            closes_at, cancelled_at, redial_due_at, retry_closed""";

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
                    scheduled_at, closes_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(intent.jobInstanceId(), intent.batchNo(), intent.name(), intent.members().size(),
                    Timestamp.from(intent.at()), intent.zones(), intent.redialRound(),
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

    /** Created batches Cartesia may still dial from ({@link TrackedBatch#mayDialMore}): what a stop or a cancel cancels. */
    public List<TrackedBatch> mayDialMore(long jobInstanceId) {
        return unfinished(jobInstanceId).stream().filter(TrackedBatch::mayDialMore).toList();
    }

    /**
     * How many of a job's batches may still have calls queued at Cartesia: created, not cancelled and
     * not known to be done, or in doubt (a create whose answer was lost).
     */
    public int mayStillDial(long jobInstanceId) {
        return (int) jdbc.sql("SELECT " + COLUMNS + " FROM bc_batch WHERE job_instance_id = ? AND finished = FALSE")
            .param(jobInstanceId)
            .query(CallBatchRepository::map)
            .list()
            .stream()
            .filter(batch -> batch.batchId() == null || batch.mayDialMore())
            .count();
    }

    /** The lines of the recipients a batch was created with. */
    public List<Long> members(long jobInstanceId, int batchNo) {
        return jdbc.sql("SELECT line FROM bc_batch_member WHERE job_instance_id = ? AND batch_no = ? ORDER BY line")
            .params(jobInstanceId, batchNo)
            .query(Long.class)
            .list();
    }

    public void recordProgress(long jobInstanceId, CallBatch batch, boolean finished) {
        recordStatus(jobInstanceId, batch, "finished", finished);
    }

    /**
     * Records, once the batch's outcomes are in, how many of the recipients it holds failed and what is
     * done about them: retried all at once by Retry Call Batch from {@code retryDueAt}, or not, and then
     * never again when some of them are redialed elsewhere or not at all.
     *
     * @param retryDueAt when Retry Call Batch is due; {@code null} when it is not to be sent
     * @param retryClosed whether the batch may never be retried again
     */
    public void recordRedials(long jobInstanceId, int batchNo, int failed, Instant retryDueAt, boolean retryClosed) {
        jdbc.sql("""
                UPDATE bc_batch SET failed = ?, redial_due_at = ?, retry_closed = (retry_closed OR ?)
                WHERE job_instance_id = ? AND batch_no = ?""")
            .params(failed, timestamp(retryDueAt), retryClosed, jobInstanceId, batchNo)
            .update();
    }

    /** Records that bulkcall cancelled the batch (its window closing, a stop, {@code bulkcall cancel}). */
    public void recordCancelled(long jobInstanceId, CallBatch batch, Instant at) {
        recordStatus(jobInstanceId, batch, "cancelled_at", Timestamp.from(at));
    }

    /** Records what Cartesia says of the batch, and one more column of bulkcall's own. */
    private void recordStatus(long jobInstanceId, CallBatch batch, String column, Object value) {
        jdbc.sql("""
                UPDATE bc_batch SET status = ?, calls_scheduled = ?, calls_dispatched = ?, calls_finished = ?,
                    retry_count = ?, %s = ?
                WHERE job_instance_id = ? AND batch_id = ?""".formatted(column))
            .params(batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(), value, jobInstanceId, batch.id())
            .update();
    }

    /** The batches whose Retry Call Batch is due at {@code now}, in order. */
    public List<TrackedBatch> retriesDue(long jobInstanceId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bc_batch WHERE job_instance_id = ? AND redial_due_at <= ? ORDER BY batch_no")
            .params(jobInstanceId, Timestamp.from(now))
            .query(CallBatchRepository::map)
            .list();
    }

    /** When the first Retry Call Batch of the job is due; empty when none is to be sent. */
    public Optional<Instant> nextRetryDue(long jobInstanceId) {
        return jdbc.sql("SELECT MIN(redial_due_at) FROM bc_batch WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
            .single();
    }

    /**
     * Records that the batch was retried: it dials again until {@code closesAt}, and is polled until its
     * calls end.
     */
    public void recordRetried(long jobInstanceId, CallBatch batch, Instant closesAt) {
        jdbc.sql("""
                UPDATE bc_batch SET status = ?, calls_scheduled = ?, calls_dispatched = ?, calls_finished = ?,
                    retry_count = ?, finished = FALSE, failed = 0, redial_due_at = NULL, closes_at = ?
                WHERE job_instance_id = ? AND batch_id = ?""")
            .params(batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(), timestamp(closesAt), jobInstanceId, batch.id())
            .update();
    }

    /** Records that the batch's failed recipients went elsewhere, or nowhere: it is never retried. */
    public void closeRetry(long jobInstanceId, int batchNo) {
        jdbc.sql("""
                UPDATE bc_batch SET failed = 0, redial_due_at = NULL, retry_closed = TRUE
                WHERE job_instance_id = ? AND batch_no = ?""")
            .params(jobInstanceId, batchNo)
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
                rs.getInt("failed"), rs.getInt("retry_count"), rs.getBoolean("finished"), instant(rs, "intent_at"),
                rs.getString("zones"), rs.getInt("redial_round"), instant(rs, "scheduled_at"), instant(rs, "closes_at"),
                instant(rs, "cancelled_at"), instant(rs, "redial_due_at"), rs.getBoolean("retry_closed"));
    }
}
