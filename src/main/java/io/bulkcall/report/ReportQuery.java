package io.bulkcall.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.bulkcall.database.StreamedQuery;
import io.bulkcall.job.store.RecipientKey;
import io.bulkcall.window.Zones;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only aggregates of a job's tables for its reports ({@code summary.json}, {@code report.html}):
 * every figure is counted by the database, grouped, so that a job of a million recipients costs a few
 * scans and small result sets, never a row per recipient in memory; call times are counted in one
 * streamed pass. The same SQL on H2 and PostgreSQL.
 * Thread-safe (stateless over JDBC).
 */
@Repository
class ReportQuery {

    /** A recipient with the outcome of a dial; see {@link CallFunnel#dialed()}. */
    private static final String DIALED = "status IS NOT NULL AND status NOT IN ('queued', 'cancelled')";

    private static final String CONNECTED = "(" + DIALED + ") AND (started_at IS NOT NULL OR status = 'completed')";

    private final JdbcTemplate jdbc;

    private final StreamedQuery streamed;

    public ReportQuery(JdbcTemplate jdbc, StreamedQuery streamed) {
        this.jdbc = jdbc;
        this.streamed = streamed;
    }

    /** The job's first start, its redial rounds, when its first batch was created and how many it has. */
    public JobFacts facts(long jobInstanceId) {
        Instant[] job = new Instant[1];
        int[] rounds = new int[1];
        jdbc.query("""
                SELECT created_at, (SELECT COALESCE(MAX(round), 0) FROM bc_redial WHERE job_instance_id = j.job_instance_id)
                FROM bc_job j WHERE job_instance_id = ?""", rs -> {
                    job[0] = instant(rs, 1);
                    rounds[0] = rs.getInt(2);
                }, jobInstanceId);
        Instant[] firstBatch = new Instant[1];
        int[] batches = new int[1];
        jdbc.query("SELECT MIN(intent_at), COUNT(*) FROM bc_batch WHERE job_instance_id = ?", rs -> {
            firstBatch[0] = instant(rs, 1);
            batches[0] = rs.getInt(2);
        }, jobInstanceId);
        return new JobFacts(job[0], rounds[0], firstBatch[0], batches[0]);
    }

    /** Rejected rows by reason as stored, most frequent first. */
    public Map<String, Long> rejections(long jobInstanceId) {
        return counts("SELECT reason, COUNT(*) FROM bc_rejection WHERE job_instance_id = ? GROUP BY reason ORDER BY 2 DESC, 1",
                jobInstanceId);
    }

    /** Recipients by the {@code end_reason} of their latest call, most frequent first; those without one left out. */
    public Map<String, Long> endReasons(long jobInstanceId) {
        return counts("""
                SELECT end_reason, COUNT(*) FROM bc_recipient WHERE %s AND end_reason IS NOT NULL
                GROUP BY end_reason ORDER BY 2 DESC, 1""".formatted(RecipientKey.OF_JOB), RecipientKey.ofJob(jobInstanceId));
    }

    /** What became of each time-zone group, largest first; their sums are the job's {@link CallFunnel}. */
    public List<ZoneGroupOutcome> zoneGroups(long jobInstanceId) {
        return jdbc.query("""
                SELECT COALESCE(zones, '%3$s') AS zone_key, COUNT(*) AS recipients,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS dialed,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS connected,
                       SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed,
                       SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed
                FROM bc_recipient WHERE %4$s
                GROUP BY COALESCE(zones, '%3$s') ORDER BY 2 DESC, 1""".formatted(DIALED, CONNECTED, Zones.WINDOWS_OFF,
                        RecipientKey.OF_JOB),
                (rs, row) -> new ZoneGroupOutcome(rs.getString("zone_key"), rs.getLong("recipients"),
                        rs.getLong("dialed"), rs.getLong("connected"), rs.getLong("completed"), rs.getLong("failed"),
                        rs.getLong("recipients") - rs.getLong("dialed")),
                RecipientKey.ofJob(jobInstanceId));
    }

    /**
     * Calls started and ended per clock hour, their durations counted into buckets, the first start and
     * the last end: one streamed pass over the recipients with a call ({@link StreamedQuery}), which
     * costs the database less than grouping by hours and durations it would have to work out from each
     * row's timestamps; memory holds an entry per hour.
     *
     * @param boundsSeconds the upper bounds of all duration buckets but the last, ascending
     */
    public CallTimes callTimes(long jobInstanceId, List<Long> boundsSeconds) {
        Map<Long, long[]> hours = new TreeMap<>();
        long[] perBucket = new long[boundsSeconds.size() + 1];
        double[] totalAndMax = new double[2];
        Instant[] span = new Instant[2];
        streamed.query("""
                SELECT started_at, ended_at FROM bc_recipient
                WHERE %s AND (started_at IS NOT NULL OR ended_at IS NOT NULL)""".formatted(RecipientKey.OF_JOB), rs -> {
            Instant started = instant(rs, 1);
            Instant ended = instant(rs, 2);
            if (started != null) {
                span[0] = span[0] == null || started.isBefore(span[0]) ? started : span[0];
                hours.computeIfAbsent(Math.floorDiv(started.getEpochSecond(), 3600), hour -> new long[2])[0]++;
            }
            if (ended != null) {
                span[1] = span[1] == null || ended.isAfter(span[1]) ? ended : span[1];
                hours.computeIfAbsent(Math.floorDiv(ended.getEpochSecond(), 3600), hour -> new long[2])[1]++;
            }
            if (started != null && ended != null && !ended.isBefore(started)) {
                double seconds = Duration.between(started, ended).toMillis() / 1000.0;
                int bucket = 0;
                while (bucket < boundsSeconds.size() && seconds >= boundsSeconds.get(bucket)) {
                    bucket++;
                }
                perBucket[bucket]++;
                totalAndMax[0] += seconds;
                totalAndMax[1] = Math.max(totalAndMax[1], seconds);
            }
        }, RecipientKey.ofJob(jobInstanceId));
        List<HourlyCalls> perHour = new ArrayList<>(hours.size());
        hours.forEach((hour, calls) -> perHour.add(new HourlyCalls(Instant.ofEpochSecond(hour * 3600), calls[0], calls[1])));
        long calls = Arrays.stream(perBucket).sum();
        return new CallTimes(perHour, new DurationCounts(calls, totalAndMax[0], totalAndMax[1],
                Arrays.stream(perBucket).boxed().toList()), span[0], span[1]);
    }

    /** The created call batches by the round they were created for, in order. */
    public List<RedialRoundCount> rounds(long jobInstanceId) {
        return jdbc.query("""
                SELECT redial_round, COUNT(*), SUM(recipients), SUM(retry_count) FROM bc_batch
                WHERE job_instance_id = ? AND batch_id IS NOT NULL GROUP BY redial_round ORDER BY redial_round""",
                (rs, row) -> new RedialRoundCount(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                jobInstanceId);
    }

    /** The recipients redialed, by round and by the outcome that called for it, in that order. */
    List<RedialOutcomeCount> redialsByOutcome(long jobInstanceId) {
        return jdbc.query("""
                SELECT round, outcome, COUNT(*) FROM bc_redial WHERE job_instance_id = ?
                GROUP BY round, outcome ORDER BY round, 3 DESC, outcome""",
                (rs, row) -> new RedialOutcomeCount(rs.getInt(1), rs.getString(2), rs.getLong(3)), jobInstanceId);
    }

    /** Recipients by how often they were dialed, in order of that number. */
    public Map<Integer, Long> recipientsByDials(long jobInstanceId) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT attempts, COUNT(*) FROM bc_recipient WHERE %s GROUP BY attempts ORDER BY attempts"
                .formatted(RecipientKey.OF_JOB), rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                }, RecipientKey.ofJob(jobInstanceId));
        return Collections.unmodifiableMap(counts);
    }

    private Map<String, Long> counts(String sql, Object... parameters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, parameters);
        return Collections.unmodifiableMap(counts);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
