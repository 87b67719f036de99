package io.bulkcall.job.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.bulkcall.cartesia.CallBatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code bc_batch} table: one row per call batch of a job, written before its create is sent
 * and completed once Cartesia answered. Thread-safe (stateless over JDBC).
 */
@Repository
public class CallBatchRepository {

    private static final String COLUMNS = """
            job_instance_id, chunk_no, name, first_line, last_line, recipients, batch_id, status, calls_scheduled,
            calls_dispatched, calls_finished, retry_count, retry_rounds, finished, intent_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public CallBatchRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public int nextChunkNumber(long jobInstanceId) {
        return jdbc.sql("SELECT COALESCE(MAX(chunk_no), 0) + 1 FROM bc_batch WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Integer.class)
            .single();
    }

    /**
     * Records that a batch is about to be created, committed at once in a transaction of its own:
     * if the process dies after the create and before the chunk commits, this row is what tells the
     * next run to look the batch up instead of creating it again.
     */
    public void recordIntent(long jobInstanceId, int chunkNo, String name, long firstLine, long lastLine,
            int recipients, Instant at) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO bc_batch (job_instance_id, chunk_no, name, first_line, last_line, recipients, intent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(jobInstanceId, chunkNo, name, firstLine, lastLine, recipients, Timestamp.from(at))
            .update());
    }

    public void discardIntent(long jobInstanceId, int chunkNo) {
        jdbc.sql("DELETE FROM bc_batch WHERE job_instance_id = ? AND chunk_no = ? AND batch_id IS NULL")
            .params(jobInstanceId, chunkNo)
            .update();
    }

    public void recordCreated(long jobInstanceId, int chunkNo, CallBatch batch) {
        jdbc.sql("""
                UPDATE bc_batch SET batch_id = ?, status = ?, calls_scheduled = ?, calls_dispatched = ?,
                    calls_finished = ?, retry_count = ?, created_at = ?
                WHERE job_instance_id = ? AND chunk_no = ?""")
            .params(batch.id(), batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(),
                    batch.createdAt() == null ? null : Timestamp.from(batch.createdAt().toInstant()),
                    jobInstanceId, chunkNo)
            .update();
    }

    /**
     * Records a batch found at Cartesia that the database had lost, as created with these lines; in the
     * caller's transaction, with the recipients' assignment.
     */
    public void recordAdopted(long jobInstanceId, int chunkNo, CallBatch batch, List<Long> lines) {
        jdbc.sql("""
                INSERT INTO bc_batch (job_instance_id, chunk_no, name, first_line, last_line, recipients, intent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(jobInstanceId, chunkNo, batch.name(), lines.stream().mapToLong(Long::longValue).min().orElseThrow(),
                    lines.stream().mapToLong(Long::longValue).max().orElseThrow(), lines.size(),
                    Timestamp.from(batch.createdAt().toInstant()))
            .update();
        recordCreated(jobInstanceId, chunkNo, batch);
    }

    public List<TrackedBatch> all(long jobInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bc_batch WHERE job_instance_id = ? ORDER BY chunk_no")
            .param(jobInstanceId)
            .query(CallBatchRepository::map)
            .list();
    }

    /** Created batches whose calls have not all ended yet, as far as the last poll knows. */
    public List<TrackedBatch> unfinished(long jobInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM bc_batch WHERE job_instance_id = ? AND batch_id IS NOT NULL AND finished = FALSE ORDER BY chunk_no")
            .param(jobInstanceId)
            .query(CallBatchRepository::map)
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

    /**
     * Finished batches, not cancelled, that have failed recipients and were not yet retried in the
     * given round.
     */
    public List<TrackedBatch> retryTargets(long jobInstanceId, int round) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bc_batch b " + """
                WHERE b.job_instance_id = ? AND b.batch_id IS NOT NULL AND b.finished = TRUE
                  AND (b.status IS NULL OR b.status <> 'cancelled') AND b.retry_rounds < ?
                  AND EXISTS (SELECT 1 FROM bc_recipient r WHERE r.job_instance_id = b.job_instance_id
                              AND r.line BETWEEN b.first_line AND b.last_line AND r.batch_id = b.batch_id
                              AND r.status = 'failed')
                ORDER BY b.chunk_no""")
            .params(jobInstanceId, round)
            .query(CallBatchRepository::map)
            .list();
    }

    /** Records that the batch was retried in this round; it is polled again until its calls end. */
    public void recordRetried(long jobInstanceId, CallBatch batch, int round) {
        jdbc.sql("""
                UPDATE bc_batch SET status = ?, calls_scheduled = ?, calls_dispatched = ?, calls_finished = ?,
                    retry_count = ?, retry_rounds = ?, finished = FALSE
                WHERE job_instance_id = ? AND batch_id = ?""")
            .params(batch.status().raw(), batch.totalCallsScheduled(), batch.totalCallsDispatched(),
                    batch.totalCallsFinished(), batch.retryCount(), round, jobInstanceId, batch.id())
            .update();
    }

    private static TrackedBatch map(ResultSet rs, int row) throws SQLException {
        return new TrackedBatch(rs.getLong("job_instance_id"), rs.getInt("chunk_no"), rs.getString("name"),
                rs.getLong("first_line"), rs.getLong("last_line"), rs.getInt("recipients"), rs.getString("batch_id"),
                rs.getString("status"), rs.getInt("calls_scheduled"), rs.getInt("calls_dispatched"),
                rs.getInt("calls_finished"), rs.getInt("retry_count"), rs.getInt("retry_rounds"),
                rs.getBoolean("finished"), rs.getTimestamp("intent_at").toInstant());
    }
}
