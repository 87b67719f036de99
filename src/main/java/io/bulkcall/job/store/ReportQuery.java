package io.bulkcall.job.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only aggregates of a job's tables for its reports ({@code summary.json}, {@code report.html}):
 * every figure is counted by the database, grouped, so that a job of a million recipients costs a few
 * scans and small result sets, never a row per recipient in memory. The same SQL on H2 and PostgreSQL;
 * durations and hours are worked out from epoch seconds, whatever the session's time zone.
 * Thread-safe (stateless over JDBC).
 */
@Repository
public class ReportQuery {

    /** A recipient with the outcome of a dial; see {@link CallFunnel#dialed()}. */
    private static final String DIALED = "status IS NOT NULL AND status NOT IN ('queued', 'cancelled')";

    private static final String CONNECTED = "(" + DIALED + ") AND (started_at IS NOT NULL OR status = 'completed')";

    private static final String SECONDS_OF_CALL = "EXTRACT(EPOCH FROM ended_at) - EXTRACT(EPOCH FROM started_at)";

    private final JdbcTemplate jdbc;

    public ReportQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The job's first start, redial rounds, and the span of its batches and calls. */
    public JobFacts facts(long jobInstanceId) {
        Instant[] job = new Instant[1];
        int[] rounds = new int[1];
        jdbc.query("SELECT created_at, retry_rounds FROM bc_job WHERE job_instance_id = ?", rs -> {
            job[0] = instant(rs, 1);
            rounds[0] = rs.getInt(2);
        }, jobInstanceId);
        Instant firstBatch = jdbc.query("SELECT MIN(intent_at) FROM bc_batch WHERE job_instance_id = ?",
                rs -> rs.next() ? instant(rs, 1) : null, jobInstanceId);
        Instant[] calls = new Instant[2];
        jdbc.query("SELECT MIN(started_at), MAX(ended_at) FROM bc_recipient WHERE job_instance_id = ?", rs -> {
            calls[0] = instant(rs, 1);
            calls[1] = instant(rs, 2);
        }, jobInstanceId);
        return new JobFacts(job[0], rounds[0], firstBatch, calls[0], calls[1]);
    }

    /** Rejected rows by reason as stored, most frequent first. */
    public Map<String, Long> rejections(long jobInstanceId) {
        return counts("SELECT reason, COUNT(*) FROM bc_rejection WHERE job_instance_id = ? GROUP BY reason ORDER BY 2 DESC, 1",
                jobInstanceId);
    }

    /** Recipients by the {@code end_reason} of their latest call, most frequent first; those without one left out. */
    public Map<String, Long> endReasons(long jobInstanceId) {
        return counts("""
                SELECT end_reason, COUNT(*) FROM bc_recipient WHERE job_instance_id = ? AND end_reason IS NOT NULL
                GROUP BY end_reason ORDER BY 2 DESC, 1""", jobInstanceId);
    }

    /** What became of each time-zone group, largest first; their sums are the job's {@link CallFunnel}. */
    public List<ZoneGroupOutcome> zoneGroups(long jobInstanceId) {
        return jdbc.query("""
                SELECT zones, COUNT(*) AS recipients, SUM(dialed) AS dialed, SUM(connected) AS connected,
                       SUM(completed) AS completed, SUM(failed) AS failed
                FROM (SELECT COALESCE(zones, 'none') AS zones,
                             CASE WHEN %s THEN 1 ELSE 0 END AS dialed,
                             CASE WHEN %s THEN 1 ELSE 0 END AS connected,
                             CASE WHEN status = 'completed' THEN 1 ELSE 0 END AS completed,
                             CASE WHEN status = 'failed' THEN 1 ELSE 0 END AS failed
                      FROM bc_recipient WHERE job_instance_id = ?) r
                GROUP BY zones ORDER BY 2 DESC, 1""".formatted(DIALED, CONNECTED),
                (rs, row) -> new ZoneGroupOutcome(rs.getString("zones"), rs.getLong("recipients"),
                        rs.getLong("dialed"), rs.getLong("connected"), rs.getLong("completed"), rs.getLong("failed"),
                        rs.getLong("recipients") - rs.getLong("dialed")),
                jobInstanceId);
    }

    /** Calls started and ended per clock hour (UTC), in order; hours without either left out. */
    public List<HourlyCalls> callsPerHour(long jobInstanceId) {
        Map<Long, long[]> hours = new TreeMap<>();
        perHour("started_at", jobInstanceId, (hour, calls) -> hours.computeIfAbsent(hour, h -> new long[2])[0] = calls);
        perHour("ended_at", jobInstanceId, (hour, calls) -> hours.computeIfAbsent(hour, h -> new long[2])[1] = calls);
        List<HourlyCalls> result = new ArrayList<>(hours.size());
        hours.forEach((hour, calls) -> result.add(new HourlyCalls(Instant.ofEpochSecond(hour * 3600), calls[0], calls[1])));
        return result;
    }

    /**
     * How long the calls lasted, counted into buckets.
     *
     * @param boundsSeconds the upper bounds of all buckets but the last, ascending
     */
    public DurationCounts durations(long jobInstanceId, List<Long> boundsSeconds) {
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < boundsSeconds.size(); i++) {
            bucket.append(" WHEN d < ").append(boundsSeconds.get(i)).append(" THEN ").append(i);
        }
        bucket.append(" ELSE ").append(boundsSeconds.size()).append(" END");
        Long[] perBucket = new Long[boundsSeconds.size() + 1];
        Arrays.fill(perBucket, 0L);
        double[] totalAndMax = new double[2];
        jdbc.query("""
                SELECT %s AS bucket, COUNT(*), SUM(d), MAX(d)
                FROM (SELECT %s AS d FROM bc_recipient
                      WHERE job_instance_id = ? AND started_at IS NOT NULL AND ended_at IS NOT NULL AND ended_at >= started_at) c
                GROUP BY %s""".formatted(bucket, SECONDS_OF_CALL, bucket), rs -> {
            perBucket[rs.getInt(1)] = rs.getLong(2);
            totalAndMax[0] += rs.getDouble(3);
            totalAndMax[1] = Math.max(totalAndMax[1], rs.getDouble(4));
        }, jobInstanceId);
        long calls = Arrays.stream(perBucket).mapToLong(Long::longValue).sum();
        return new DurationCounts(calls, totalAndMax[0], totalAndMax[1], List.of(perBucket));
    }

    /** The created call batches by the round they were created for, in order. */
    public List<RedialRoundCount> rounds(long jobInstanceId) {
        return jdbc.query("""
                SELECT redial_round, COUNT(*), SUM(recipients), SUM(retry_count) FROM bc_batch
                WHERE job_instance_id = ? AND batch_id IS NOT NULL GROUP BY redial_round ORDER BY redial_round""",
                (rs, row) -> new RedialRoundCount(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                jobInstanceId);
    }

    /** Recipients by how often they were dialed, in order of that number. */
    public Map<Integer, Long> recipientsByDials(long jobInstanceId) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT attempts, COUNT(*) FROM bc_recipient WHERE job_instance_id = ? GROUP BY attempts ORDER BY attempts",
                rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                }, jobInstanceId);
        return Collections.unmodifiableMap(counts);
    }

    private void perHour(String column, long jobInstanceId, HourCount sink) {
        jdbc.query("""
                SELECT hour_no, COUNT(*) FROM (SELECT FLOOR(EXTRACT(EPOCH FROM %s) / 3600) AS hour_no FROM bc_recipient
                                               WHERE job_instance_id = ? AND %s IS NOT NULL) h
                GROUP BY hour_no""".formatted(column, column), rs -> {
            sink.accept(rs.getLong(1), rs.getLong(2));
        }, jobInstanceId);
    }

    private Map<String, Long> counts(String sql, long jobInstanceId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, jobInstanceId);
        return Collections.unmodifiableMap(counts);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @FunctionalInterface
    private interface HourCount {
        void accept(long hour, long calls);
    }
}
