package io.bulkcall.job.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.bulkcall.cartesia.AgentCall;
import io.bulkcall.cartesia.CallBatchRecipient;
import io.bulkcall.cartesia.RecipientStatus;
import io.bulkcall.database.StreamedQuery;
import io.bulkcall.validation.AcceptedRecipient;
import io.bulkcall.validation.RejectedRow;
import io.bulkcall.validation.RejectionReason;
import io.bulkcall.validation.SeenNumbers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bc_recipient} and {@code bc_rejection} tables: every data row of a file ends up in
 * exactly one of them. A recipient's {@code batch_no} is the batch that holds it now; {@code NULL}
 * while it waits for one. Thread-safe (stateless over JDBC).
 */
@Repository
public class RecipientRepository {

    /** The width of {@code bc_recipient.summary}: a longer summary is cut, marked with an ellipsis. */
    private static final int SUMMARY_LENGTH = 4000;
    /** A recipient's status in its reports; one never in a batch is {@code not_dialed} or {@code not_submitted}. */
    private static final String FINAL_STATUS = "COALESCE(status, CASE WHEN not_dialed IS NULL THEN 'not_submitted' ELSE 'not_dialed' END)";
    /** The key of the recipient a member of a batch is, in a join with {@code bc_batch_member m}. */
    private static final String MEMBER_KEY = RecipientKey.sqlOf("m.job_instance_id", "m.line");
    /** The keys of a batch's members; its parameters are the job instance's id and the batch's number. */
    private static final String MEMBER_KEYS = "SELECT " + RecipientKey.sqlOf("job_instance_id", "line")
            + " FROM bc_batch_member WHERE job_instance_id = ? AND batch_no = ?";
    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final StreamedQuery streamed;
    private final JsonMapper json;

    public RecipientRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource, StreamedQuery streamed,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.dataSource = dataSource;
        this.streamed = streamed;
        this.json = json;
    }

    public void stage(long jobInstanceId, List<AcceptedRecipient> recipients) {
        jdbcTemplate.batchUpdate(
                "INSERT INTO bc_recipient (row_key, job_instance_id, line, to_number, metadata, zones) VALUES (?, ?, ?, ?, ?, ?)",
                recipients, recipients.size(), (statement, recipient) -> {
                    statement.setLong(1, RecipientKey.of(jobInstanceId, recipient.line()));
                    statement.setLong(2, jobInstanceId);
                    statement.setLong(3, recipient.line());
                    statement.setString(4, recipient.toNumber());
                    statement.setString(5, stagedMetadata(recipient));
                    statement.setString(6, recipient.zones());
                });
    }

    /**
     * A recipient's metadata as {@code bc_recipient.metadata} holds it: a JSON object. The validate step's
     * checkers write it ahead, on the threads that check numbers ({@link AcceptedRecipient#stagedMetadata}).
     * Thread-safe.
     */
    public String metadataColumn(Map<String, String> metadata) {
        return json.writeValueAsString(metadata);
    }

    private static String stagedMetadata(AcceptedRecipient recipient) {
        if (recipient.stagedMetadata() == null && !recipient.metadata().isEmpty()) {
            throw new IllegalArgumentException("line " + recipient.line() + " was checked without the job database's "
                    + "metadata writer, and would be staged without its metadata");
        }
        return recipient.stagedMetadata();
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
        return numbers(jobInstanceId, "");
    }

    public long countStaged(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM bc_recipient WHERE " + RecipientKey.OF_JOB)
            .params(RecipientKey.ofJob(jobInstanceId))
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

    /** Puts the recipients on these lines into the batch just created for them: one more attempt each. */
    public void assign(long jobInstanceId, List<Long> lines, int batchNo, String batchId) {
        jdbcTemplate.batchUpdate("""
                UPDATE bc_recipient SET batch_no = ?, batch_id = ?, status = 'queued', attempts = attempts + 1
                WHERE row_key = ?""", lines, lines.size(), (statement, line) -> {
                    statement.setInt(1, batchNo);
                    statement.setString(2, batchId);
                    statement.setLong(3, RecipientKey.of(jobInstanceId, line));
                });
    }

    /**
     * Adopts a batch whose create was in doubt and which Cartesia turned out to hold: its members, as
     * its intent recorded them, that still wait for a batch.
     *
     * @return how many recipients were adopted
     */
    public int adoptMembers(long jobInstanceId, int batchNo, String batchId) {
        return jdbc.sql("""
                UPDATE bc_recipient SET batch_no = ?, batch_id = ?, status = 'queued', attempts = attempts + 1
                WHERE batch_no IS NULL AND row_key IN (%s)""".formatted(MEMBER_KEYS))
            .params(batchNo, batchId, jobInstanceId, batchNo)
            .update();
    }

    /**
     * Reads every recipient of the job that waits for a batch, in line order, a page at a time; it
     * keeps no position (the recipients put in a batch wait no more).
     */
    public ItemStreamReader<StagedRecipient> waiting(long jobInstanceId, int pageSize) {
        return waitingReader(WaitingRecipientsQuery.all(), WaitingRecipientsQuery.ofJob(jobInstanceId), pageSize);
    }

    /**
     * As {@link #waiting(long, int)}, only those due at {@code now} (not waiting for a redial's delay)
     * in these groups: a {@code null} among the zones stands for the recipients staged with calling
     * windows off.
     */
    public ItemStreamReader<StagedRecipient> dueIn(long jobInstanceId, Collection<String> zones, Instant now, int pageSize) {
        List<String> named = zones.stream().filter(Objects::nonNull).toList();
        Map<String, Object> parameters = new HashMap<>(WaitingRecipientsQuery.ofJob(jobInstanceId));
        parameters.put("zones", named.isEmpty() ? List.of("") : named);
        parameters.put("now", Timestamp.from(now));
        return waitingReader(WaitingRecipientsQuery.dueInGroups(zones.contains(null)), parameters, pageSize);
    }

    private ItemStreamReader<StagedRecipient> waitingReader(WaitingRecipientsQuery query, Map<String, Object> parameters,
            int pageSize) {
        try {
            return new JdbcPagingItemReaderBuilder<StagedRecipient>().name("waitingRecipientReader")
                .dataSource(dataSource)
                .queryProvider(query)
                .parameterValues(parameters)
                .rowMapper((rs, row) -> new StagedRecipient(rs.getLong("line"), rs.getString("to_number"),
                        metadata(rs.getString("metadata")), rs.getString("zones"), rs.getInt("redial_round")))
                .pageSize(pageSize)
                .saveState(false)
                .build();
        }
        catch (Exception misconfigured) {
            throw new IllegalStateException("the reader of waiting recipients cannot be built", misconfigured);
        }
    }

    /** The recipients of the job that wait for a batch: each one's number with its line. */
    public SeenNumbers waiting(long jobInstanceId) {
        return numbers(jobInstanceId, " AND batch_no IS NULL");
    }

    private SeenNumbers numbers(long jobInstanceId, String condition) {
        SeenNumbers numbers = new SeenNumbers();
        streamed.query("SELECT to_number, line FROM bc_recipient WHERE " + RecipientKey.OF_JOB + condition, rs -> {
            numbers.putIfAbsent(SeenNumbers.toLong(rs.getString(1)), rs.getLong(2));
        }, RecipientKey.ofJob(jobInstanceId));
        return numbers;
    }

    /**
     * The recipients on these lines will not be dialed (again), each for the reason given (their
     * number reached the contact limit): they wait no more.
     */
    public void markNotDialed(long jobInstanceId, Map<Long, String> reasons) {
        jdbcTemplate.batchUpdate("UPDATE bc_recipient SET batch_no = NULL, not_dialed = ? WHERE row_key = ?",
                List.copyOf(reasons.entrySet()), reasons.size(), (statement, reason) -> {
                    statement.setString(1, reason.getValue());
                    statement.setLong(2, RecipientKey.of(jobInstanceId, reason.getKey()));
                });
    }

    /** The group (window and round) of the recipient on a line. */
    public WaitingGroup groupOf(long jobInstanceId, long line) {
        return jdbc.sql("SELECT zones, redial_round FROM bc_recipient WHERE row_key = ?")
            .param(RecipientKey.of(jobInstanceId, line))
            .query((rs, row) -> new WaitingGroup(rs.getString(1), rs.getInt(2), 1, null))
            .single();
    }

    /**
     * How many recipients wait for a batch, by window and round, and from when the first of them is due.
     * Reads every recipient of the job.
     */
    public List<WaitingGroup> waitingGroups(long jobInstanceId) {
        return jdbc.sql("""
                SELECT zones, redial_round, COUNT(*), SUM(CASE WHEN redial_due_at IS NULL THEN 1 ELSE 0 END),
                       MIN(redial_due_at)
                FROM bc_recipient WHERE %s AND batch_no IS NULL AND not_dialed IS NULL
                GROUP BY zones, redial_round ORDER BY zones, redial_round""".formatted(RecipientKey.OF_JOB))
            .params(RecipientKey.ofJob(jobInstanceId))
            .query((rs, row) -> new WaitingGroup(rs.getString(1), rs.getInt(2), rs.getLong(3),
                    rs.getLong(4) > 0 ? null : rs.getTimestamp(5).toInstant()))
            .list();
    }

    /**
     * Stores the latest outcome of each recipient a finished batch still holds, matched by number
     * among its members, with when its latest call started and ended and its summary: one update a
     * recipient, found by its primary key, the only index of {@code bc_recipient}, so a batch costs a
     * thousand lookups, not a thousand scans of the job's recipients. A recipient the batch cancelled
     * before dialing it waits again for a batch, with its attempt taken back, unless {@code carryOver} is
     * off (the job was cancelled). An outcome for a number the batch does not hold is ignored; a call
     * that is not the recipient's latest by {@code agent_call_id}, or never connected, leaves the call's
     * times and summary empty.
     *
     * @param latestCalls each recipient's latest call, by the recipient's number
     */
    public RecordedOutcomes recordOutcomes(TrackedBatch batch, List<CallBatchRecipient> outcomes,
            Map<String, AgentCall> latestCalls, boolean carryOver) {
        Map<String, Long> lines = members(batch);
        List<CallBatchRecipient> known = outcomes.stream().filter(outcome -> lines.containsKey(outcome.toNumber())).toList();
        jdbcTemplate.batchUpdate("""
                UPDATE bc_recipient SET recipient_id = ?, status = ?, agent_call_id = ?, end_reason = ?,
                    error_message = ?, started_at = ?, ended_at = ?, summary = ?,
                    batch_no = CASE WHEN ? THEN NULL ELSE batch_no END,
                    attempts = CASE WHEN ? THEN attempts - 1 ELSE attempts END
                WHERE row_key = ?""", known, known.size(), (statement, outcome) -> {
                    boolean carried = carryOver && isCancelled(outcome);
                    AgentCall call = latestCalls.get(outcome.toNumber());
                    boolean connected = call != null && call.id().equals(outcome.agentCallId()) && call.startTime() != null;
                    statement.setString(1, outcome.id());
                    statement.setString(2, outcome.status() == null ? null : outcome.status().raw());
                    statement.setString(3, outcome.agentCallId());
                    statement.setString(4, outcome.endReason());
                    statement.setString(5, outcome.errorMessage());
                    statement.setObject(6, connected ? call.startTime() : null);
                    statement.setObject(7, connected ? call.endTime() : null);
                    statement.setString(8, connected && call.summary() != null ? truncate(call.summary(), SUMMARY_LENGTH) : null);
                    statement.setBoolean(9, carried);
                    statement.setBoolean(10, carried);
                    statement.setLong(11, RecipientKey.of(batch.jobInstanceId(), lines.get(outcome.toNumber())));
                });
        List<String> notPlaced = known.stream()
            .filter(outcome -> isCancelled(outcome) || isFailed(outcome) && outcome.agentCallId() == null)
            .map(CallBatchRecipient::toNumber)
            .toList();
        boolean everyMemberAnswered = known.stream().map(CallBatchRecipient::toNumber).distinct().count() == lines.size();
        return new RecordedOutcomes(notPlaced, !everyMemberAnswered || known.stream().anyMatch(RecipientRepository::isFailed),
                carryOver && known.stream().anyMatch(RecipientRepository::isCancelled));
    }

    /** The recipients a batch holds whose latest attempt failed, with what a redial decision needs, in line order. */
    public List<FailedMember> failedOf(TrackedBatch batch) {
        return jdbc.sql("""
                SELECT r.line, r.to_number, r.redial_round, r.end_reason, r.agent_call_id, r.not_dialed
                FROM bc_batch_member m JOIN bc_recipient r ON r.row_key = %s
                WHERE m.job_instance_id = ? AND m.batch_no = ? AND r.batch_no = m.batch_no AND r.status = 'failed'
                ORDER BY r.line""".formatted(MEMBER_KEY))
            .params(batch.jobInstanceId(), batch.batchNo())
            .query((rs, row) -> new FailedMember(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5), rs.getString(6)))
            .list();
    }

    /** Records each redial decided, in the transaction that records its batch's outcomes, which is made once. */
    public void recordRedials(long jobInstanceId, List<Redial> redials) {
        if (redials.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("INSERT INTO bc_redial (job_instance_id, line, round, outcome, due_at) VALUES (?, ?, ?, ?, ?)",
                redials, redials.size(), (statement, redial) -> {
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, redial.line());
                    statement.setInt(3, redial.round());
                    statement.setString(4, redial.outcome());
                    statement.setTimestamp(5, Timestamp.from(redial.dueAt()));
                });
    }

    /** The recipients leave their batch to wait for a batch of their round, each from when it is due. */
    public void waitForRedials(long jobInstanceId, List<Redial> redials) {
        if (redials.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                UPDATE bc_recipient SET batch_no = NULL, redial_round = ?, redial_due_at = ?
                WHERE row_key = ?""", redials, redials.size(), (statement, redial) -> {
                    statement.setInt(1, redial.round());
                    statement.setTimestamp(2, Timestamp.from(redial.dueAt()));
                    statement.setLong(3, RecipientKey.of(jobInstanceId, redial.line()));
                });
    }

    /** Records why these failed recipients are not redialed; they stay with their batch, their outcome final. */
    public void markNotRedialed(long jobInstanceId, Map<Long, String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("UPDATE bc_recipient SET not_dialed = ? WHERE row_key = ?",
                List.copyOf(reasons.entrySet()), reasons.size(), (statement, reason) -> {
                    statement.setString(1, reason.getValue());
                    statement.setLong(2, RecipientKey.of(jobInstanceId, reason.getKey()));
                });
    }

    /** The recipients a batch holds (those not since moved to another batch): each one's line by its number. */
    public Map<String, Long> members(TrackedBatch batch) {
        return members(batch, " AND r.batch_no = m.batch_no");
    }

    /** The recipients a batch was created with, held by it still or not: each one's line by its number. */
    public Map<String, Long> createdWith(TrackedBatch batch) {
        return members(batch, "");
    }

    private Map<String, Long> members(TrackedBatch batch, String condition) {
        Map<String, Long> members = new LinkedHashMap<>();
        jdbcTemplate.query("""
                SELECT r.to_number, r.line FROM bc_batch_member m JOIN bc_recipient r ON r.row_key = %s
                WHERE m.job_instance_id = ? AND m.batch_no = ?""".formatted(MEMBER_KEY) + condition, rs -> {
                    members.put(rs.getString(1), rs.getLong(2));
                }, batch.jobInstanceId(), batch.batchNo());
        return members;
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /**
     * The failed recipients a retried batch holds are queued again, each in its next round: one more
     * attempt each. They belong to that round from now on, so that those the batch cancels before
     * dialing them (a stop, a window's end) carry over into a batch of that round, which is not
     * redialed in it again.
     */
    public int requeueFailed(TrackedBatch batch) {
        return jdbc.sql("""
                UPDATE bc_recipient SET attempts = attempts + 1, status = 'queued', redial_round = redial_round + 1,
                    redial_due_at = NULL
                WHERE batch_no = ? AND status = 'failed' AND row_key IN (%s)""".formatted(MEMBER_KEYS))
            .params(batch.batchNo(), batch.jobInstanceId(), batch.batchNo())
            .update();
    }

    private static boolean isCancelled(CallBatchRecipient outcome) {
        return outcome.status() != null && outcome.status().kind() == RecipientStatus.Kind.CANCELLED;
    }

    private static boolean isFailed(CallBatchRecipient outcome) {
        return outcome.status() != null && outcome.status().kind() == RecipientStatus.Kind.FAILED;
    }

    /** Staged recipients by the zones of their calling window; {@code none} for those staged with windows off. */
    public Map<String, Long> countByZones(long jobInstanceId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbcTemplate.query("""
                SELECT COALESCE(zones, 'none'), COUNT(*) FROM bc_recipient
                WHERE %s GROUP BY COALESCE(zones, 'none') ORDER BY 1""".formatted(RecipientKey.OF_JOB),
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, RecipientKey.ofJob(jobInstanceId));
        return counts;
    }

    /**
     * Removes the job's recipients, their batch memberships and redials, keeping their counts by status
     * in the job's row, which {@link #countByStatus} answers with from then on. In the caller's transaction:
     * the counts and the removal go together.
     *
     * @return the number of recipients removed
     */
    public int purge(long jobInstanceId, Instant at) {
        Map<String, Long> counts = countByStatus(jobInstanceId);
        jdbc.sql("UPDATE bc_job SET purged_at = ?, purged_counts = ? WHERE job_instance_id = ?")
            .params(Timestamp.from(at), json.writeValueAsString(counts), jobInstanceId)
            .update();
        jdbc.sql("DELETE FROM bc_batch_member WHERE job_instance_id = ?").param(jobInstanceId).update();
        jdbc.sql("DELETE FROM bc_redial WHERE job_instance_id = ?").param(jobInstanceId).update();
        return jdbc.sql("DELETE FROM bc_recipient WHERE " + RecipientKey.OF_JOB).params(RecipientKey.ofJob(jobInstanceId)).update();
    }

    /**
     * Staged recipients by status ({@code not_submitted}, {@code not_dialed} for those never in a batch);
     * for a job whose recipients were purged, the counts it had then.
     */
    public Map<String, Long> countByStatus(long jobInstanceId) {
        Optional<String> purged = jdbc.sql("SELECT purged_counts FROM bc_job WHERE job_instance_id = ? AND purged_counts IS NOT NULL")
            .param(jobInstanceId)
            .query(String.class)
            .optional();
        if (purged.isPresent()) {
            return json.readValue(purged.get(), COUNTS);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbcTemplate.query("""
                SELECT %1$s AS final_status, COUNT(*) FROM bc_recipient WHERE %2$s
                GROUP BY %1$s ORDER BY final_status""".formatted(FINAL_STATUS, RecipientKey.OF_JOB),
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, RecipientKey.ofJob(jobInstanceId));
        return counts;
    }

    /**
     * Streams every staged recipient in line order, for the report; nothing is held in memory. Ordered
     * by the key, whose order is the lines' and which the database reads in order instead of sorting.
     */
    public void forEachResult(long jobInstanceId, Consumer<RecipientResult> consumer) {
        streamed.query("""
                SELECT line, to_number, metadata, batch_id, recipient_id, %s AS status, agent_call_id, end_reason,
                       CASE WHEN not_dialed IS NULL THEN error_message
                            WHEN error_message IS NULL THEN not_dialed
                            ELSE error_message || '; ' || not_dialed END AS error_message,
                       attempts, zones, started_at, ended_at, summary
                FROM bc_recipient WHERE %s ORDER BY row_key""".formatted(FINAL_STATUS, RecipientKey.OF_JOB), rs -> {
            consumer.accept(new RecipientResult(rs.getLong("line"), rs.getString("to_number"),
                    metadata(rs.getString("metadata")), rs.getString("batch_id"), rs.getString("recipient_id"),
                    rs.getString("status"), rs.getString("agent_call_id"), rs.getString("end_reason"),
                    rs.getString("error_message"), rs.getInt("attempts"), rs.getString("zones"),
                    instant(rs.getObject("started_at", OffsetDateTime.class)),
                    instant(rs.getObject("ended_at", OffsetDateTime.class)), rs.getString("summary")));
        }, RecipientKey.ofJob(jobInstanceId));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public Map<String, String> metadata(String column) {
        return column == null ? Map.of() : json.readValue(column, METADATA);
    }
}
