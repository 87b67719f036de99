package io.bulkcall.job.store;


import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.bulkcall.cartesia.CallBatchRecipient;
import io.bulkcall.report.RecipientResult;
import io.bulkcall.validation.AcceptedRecipient;
import io.bulkcall.validation.RejectedRow;
import io.bulkcall.validation.RejectionReason;
import io.bulkcall.validation.SeenNumbers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bc_recipient} and {@code bc_rejection} tables: every data row of a file ends up in
 * exactly one of them. Thread-safe (stateless over JDBC).
 */
@Repository
public class RecipientRepository {

    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;

    public RecipientRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    public void stage(long jobInstanceId, List<AcceptedRecipient> recipients) {
        jdbcTemplate.batchUpdate("INSERT INTO bc_recipient (job_instance_id, line, to_number, metadata) VALUES (?, ?, ?, ?)",
                recipients, recipients.size(), (statement, recipient) -> {
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, recipient.line());
                    statement.setString(3, recipient.toNumber());
                    statement.setString(4, recipient.metadata().isEmpty() ? null : json.writeValueAsString(recipient.metadata()));
                });
    }

    public void recordRejections(long jobInstanceId, List<RejectedRow> rows) {
        jdbcTemplate.batchUpdate("INSERT INTO bc_rejection (job_instance_id, line, reason) VALUES (?, ?, ?)", rows,
                rows.size(), (statement, row) -> {
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, row.line());
                    statement.setString(3, row.reason().name());
                });
    }

    /** The numbers staged so far, so that a restarted validation still finds duplicates of them. */
    public SeenNumbers seenNumbers(long jobInstanceId) {
        SeenNumbers seen = new SeenNumbers();
        jdbcTemplate.query("SELECT to_number, line FROM bc_recipient WHERE job_instance_id = ?",
                rs -> {
                    seen.putIfAbsent(SeenNumbers.toLong(rs.getString(1)), rs.getLong(2));
                }, jobInstanceId);
        return seen;
    }

    public long countStaged(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM bc_recipient WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Long.class)
            .single();
    }

    public Map<RejectionReason, Long> rejectionCounts(long jobInstanceId) {
        Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
        jdbcTemplate.query("SELECT reason, COUNT(*) FROM bc_rejection WHERE job_instance_id = ? GROUP BY reason",
                rs -> {
                    counts.put(RejectionReason.valueOf(rs.getString(1)), rs.getLong(2));
                }, jobInstanceId);
        return counts;
    }

    /** Puts the recipients of a chunk into the batch just created for it: their first attempt. */
    public void assignBatch(long jobInstanceId, List<StagedRecipient> recipients, int chunkNo, String batchId) {
        assignLines(jobInstanceId, recipients.stream().map(StagedRecipient::line).toList(), chunkNo, batchId);
    }

    /** Puts the recipients on these lines into a batch: their first attempt. */
    public void assignLines(long jobInstanceId, List<Long> lines, int chunkNo, String batchId) {
        jdbcTemplate.batchUpdate("""
                UPDATE bc_recipient SET chunk_no = ?, batch_id = ?, status = 'queued', attempts = 1
                WHERE job_instance_id = ? AND line = ?""", lines, lines.size(), (statement, line) -> {
                    statement.setInt(1, chunkNo);
                    statement.setString(2, batchId);
                    statement.setLong(3, jobInstanceId);
                    statement.setLong(4, line);
                });
    }

    /** The recipients of the job that no batch holds yet: each one's number with its line. */
    public SeenNumbers waiting(long jobInstanceId) {
        SeenNumbers waiting = new SeenNumbers();
        jdbcTemplate.query("SELECT to_number, line FROM bc_recipient WHERE job_instance_id = ? AND batch_id IS NULL",
                rs -> {
                    waiting.putIfAbsent(SeenNumbers.toLong(rs.getString(1)), rs.getLong(2));
                }, jobInstanceId);
        return waiting;
    }

    /**
     * Adopts a batch found by name after a crash: its recipients are the unsubmitted ones in the
     * line range its intent recorded, since a chunk is always the next run of unsubmitted rows.
     */
    public int adoptRange(long jobInstanceId, TrackedBatch intent, String batchId) {
        return jdbc.sql("""
                UPDATE bc_recipient SET chunk_no = ?, batch_id = ?, status = 'queued', attempts = 1
                WHERE job_instance_id = ? AND batch_id IS NULL AND line BETWEEN ? AND ?""")
            .params(intent.chunkNo(), batchId, jobInstanceId, intent.firstLine(), intent.lastLine())
            .update();
    }

    /**
     * Stores the latest outcome of each recipient of a finished batch, matched by number (a number is
     * staged once per job), through the primary key: the batch's rows are those of its line range.
     * An outcome for a number the batch does not hold is ignored.
     */
    public void recordOutcomes(TrackedBatch batch, List<CallBatchRecipient> outcomes) {
        Map<String, Long> lines = new HashMap<>();
        jdbcTemplate.query("""
                SELECT to_number, line FROM bc_recipient
                WHERE job_instance_id = ? AND line BETWEEN ? AND ? AND batch_id = ?""", rs -> {
                    lines.put(rs.getString(1), rs.getLong(2));
                }, batch.jobInstanceId(), batch.firstLine(), batch.lastLine(), batch.batchId());
        List<CallBatchRecipient> known = outcomes.stream().filter(outcome -> lines.containsKey(outcome.toNumber())).toList();
        jdbcTemplate.batchUpdate("""
                UPDATE bc_recipient SET recipient_id = ?, status = ?, agent_call_id = ?, end_reason = ?, error_message = ?
                WHERE job_instance_id = ? AND line = ?""", known, known.size(), (statement, outcome) -> {
                    statement.setString(1, outcome.id());
                    statement.setString(2, outcome.status() == null ? null : outcome.status().raw());
                    statement.setString(3, outcome.agentCallId());
                    statement.setString(4, outcome.endReason());
                    statement.setString(5, outcome.errorMessage());
                    statement.setLong(6, batch.jobInstanceId());
                    statement.setLong(7, lines.get(outcome.toNumber()));
                });
    }

    /** The failed recipients of a retried batch are queued again: one more attempt each. */
    public int markRequeued(TrackedBatch batch) {
        return jdbc.sql("""
                UPDATE bc_recipient SET attempts = attempts + 1, status = 'queued'
                WHERE job_instance_id = ? AND line BETWEEN ? AND ? AND batch_id = ? AND status = 'failed'""")
            .params(batch.jobInstanceId(), batch.firstLine(), batch.lastLine(), batch.batchId())
            .update();
    }

    public Map<String, Long> countByStatus(long jobInstanceId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbcTemplate.query("""
                SELECT COALESCE(status, 'not_submitted'), COUNT(*) FROM bc_recipient
                WHERE job_instance_id = ? GROUP BY COALESCE(status, 'not_submitted') ORDER BY 1""",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, jobInstanceId);
        return counts;
    }

    /**
     * Streams every staged recipient in line order, for the report; nothing is held in memory. Ordered
     * by the whole primary key, which H2 then reads in order instead of sorting (see
     * the submit step's reader).
     */
    public void forEachResult(long jobInstanceId, Consumer<RecipientResult> consumer) {
        jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT line, to_number, metadata, batch_id, recipient_id,
                           COALESCE(status, 'not_submitted') AS status, agent_call_id, end_reason,
                           error_message, attempts
                    FROM bc_recipient WHERE job_instance_id = ? ORDER BY job_instance_id, line""");
            statement.setFetchSize(1000);
            statement.setLong(1, jobInstanceId);
            return statement;
        }, rs -> {
            consumer.accept(new RecipientResult(rs.getLong("line"), rs.getString("to_number"),
                    metadata(rs.getString("metadata")), rs.getString("batch_id"), rs.getString("recipient_id"),
                    rs.getString("status"), rs.getString("agent_call_id"), rs.getString("end_reason"),
                    rs.getString("error_message"), rs.getInt("attempts")));
        });
    }

    public Map<String, String> metadata(String column) {
        return column == null ? Map.of() : json.readValue(column, METADATA);
    }
}
