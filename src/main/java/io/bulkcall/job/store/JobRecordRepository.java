package io.bulkcall.job.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.validation.SentColumns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bc_job} table: per job instance, the input file, its metadata columns and how many
 * retry rounds were opened. Thread-safe (stateless over JDBC).
 */
@Repository
public class JobRecordRepository {

    private static final TypeReference<List<String>> COLUMNS = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JobRecordRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Registers the instance on its first run; a restart finds it there already. */
    public void register(long jobInstanceId, InputFile file, Instant at) {
        if (isRegistered(jobInstanceId)) {
            return;
        }
        jdbc.sql("INSERT INTO bc_job (job_instance_id, file_name, file_sha256, created_at) VALUES (?, ?, ?, ?)")
            .params(jobInstanceId, file.name(), file.sha256(), Timestamp.from(at))
            .update();
    }

    /** Whether the instance ran before: {@link #register} recorded it. */
    public boolean isRegistered(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Integer.class)
            .single() > 0;
    }

    /**
     * Records the file's columns other than the number and the time zone, and what they become at
     * Cartesia, unless a first execution of the job did already.
     *
     * @return whether this recorded them: the first time the job's validation got this far
     */
    public boolean recordColumns(long jobInstanceId, List<String> metadataColumns, SentColumns sent) {
        return jdbc.sql("""
                UPDATE bc_job SET metadata_columns = ?, cartesia_version = ?, sent_columns = ?
                WHERE job_instance_id = ? AND cartesia_version IS NULL""")
            .params(json.writeValueAsString(metadataColumns), sent.version().header(), sentColumns(sent), jobInstanceId)
            .update() > 0;
    }

    /** Records that the job's columns are now sent as {@code sent} says: checked for another version or setting. */
    public void recordSentColumns(long jobInstanceId, SentColumns sent) {
        jdbc.sql("UPDATE bc_job SET cartesia_version = ?, sent_columns = ? WHERE job_instance_id = ?")
            .params(sent.version().header(), sentColumns(sent), jobInstanceId)
            .update();
    }

    /**
     * What the job's columns become at Cartesia, as validation decided (or a later check changed) it. A
     * job validated before bulkcall kept this sent every column as {@code metadata} under
     * {@code 2026-03-01}.
     */
    public SentColumns sentColumns(long jobInstanceId) {
        List<String> metadataColumns = metadataColumns(jobInstanceId);
        return jdbc.sql("SELECT cartesia_version, sent_columns FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query((rs, row) -> rs.getString(1) == null ? null
                    : sentColumns(CartesiaVersion.of(rs.getString(1)), json.readValue(rs.getString(2), PAIRS), metadataColumns))
            .optional()
            .orElseGet(() -> sentColumns(CartesiaVersion.V2026_03_01,
                    metadataColumns.stream().map(column -> List.of(column, column)).toList(), metadataColumns));
    }

    private String sentColumns(SentColumns sent) {
        return json.writeValueAsString(sent.sent().stream().map(column -> List.of(column.header(), column.name())).toList());
    }

    private static SentColumns sentColumns(CartesiaVersion version, List<List<String>> pairs, List<String> metadataColumns) {
        List<SentColumns.Column> sent = pairs.stream().map(pair -> new SentColumns.Column(pair.get(0), pair.get(1))).toList();
        List<String> notSent = metadataColumns.stream()
            .filter(column -> sent.stream().noneMatch(sentColumn -> sentColumn.header().equals(column)))
            .toList();
        return new SentColumns(version, sent, notSent, List.of());
    }

    public List<String> metadataColumns(long jobInstanceId) {
        return jdbc.sql("SELECT metadata_columns FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(String.class)
            .optional()
            .map(text -> json.readValue(text, COLUMNS))
            .orElse(List.of());
    }

    public void markCancelled(long jobInstanceId) {
        jdbc.sql("UPDATE bc_job SET cancelled = TRUE WHERE job_instance_id = ?").param(jobInstanceId).update();
    }

    public boolean isCancelled(long jobInstanceId) {
        return jdbc.sql("SELECT cancelled FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    }

    /** When {@code bulkcall purge} removed the job's recipients; empty while it holds them. */
    public Optional<Instant> purgedAt(long jobInstanceId) {
        return jdbc.sql("SELECT purged_at FROM bc_job WHERE job_instance_id = ? AND purged_at IS NOT NULL")
            .param(jobInstanceId)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant);
    }

    public Optional<Instant> createdAt(long jobInstanceId) {
        return jdbc.sql("SELECT created_at FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant);
    }
}
