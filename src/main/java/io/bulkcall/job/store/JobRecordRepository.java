package io.bulkcall.job.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.bulkcall.job.instance.InputFile;
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

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JobRecordRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Registers the instance on its first run; a restart finds it there already. */
    public void register(long jobInstanceId, InputFile file, Instant at) {
        if (exists(jobInstanceId)) {
            return;
        }
        jdbc.sql("INSERT INTO bc_job (job_instance_id, file_name, file_sha256, created_at) VALUES (?, ?, ?, ?)")
            .params(jobInstanceId, file.name(), file.sha256(), Timestamp.from(at))
            .update();
    }

    private boolean exists(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Integer.class)
            .single() > 0;
    }

    public void recordMetadataColumns(long jobInstanceId, List<String> columns) {
        jdbc.sql("UPDATE bc_job SET metadata_columns = ? WHERE job_instance_id = ?")
            .params(json.writeValueAsString(columns), jobInstanceId)
            .update();
    }

    public List<String> metadataColumns(long jobInstanceId) {
        return jdbc.sql("SELECT metadata_columns FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(String.class)
            .optional()
            .map(text -> json.readValue(text, COLUMNS))
            .orElse(List.of());
    }

    public int retryRounds(long jobInstanceId) {
        return jdbc.sql("SELECT retry_rounds FROM bc_job WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .query(Integer.class)
            .optional()
            .orElse(0);
    }

    /** Opens the next retry round and returns its number. */
    public int openRetryRound(long jobInstanceId) {
        jdbc.sql("UPDATE bc_job SET retry_rounds = retry_rounds + 1 WHERE job_instance_id = ?")
            .param(jobInstanceId)
            .update();
        return retryRounds(jobInstanceId);
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
