package io.bulkcall.job.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.database.StreamedQuery;
import io.bulkcall.validation.ContactLimits;
import io.bulkcall.validation.Counts;
import io.bulkcall.validation.SeenNumbers;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The contact policy's history ({@code bc_contact_dial}): when each number was dialed, by which job's
 * batch, across every job, file and node that shares the job database, kept only as long as the
 * policy's period needs. A dial is reserved before its batch is created (or retried), in the same
 * transaction that records the batch, under one lock row that reservations of every node take in turn,
 * so that two nodes reserving one number at once cannot both pass its limit; a reservation is taken
 * back when no call was placed (cancelled before dialing, failed before a call could be placed).
 * With {@code bulkcall.contact-policy.max-dials} 0 it records and refuses nothing. Thread-safe
 * (stateless over JDBC).
 */
@Repository
public class ContactHistory implements ContactLimits {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final NamedParameterJdbcTemplate jdbc;
    private final StreamedQuery streamed;
    private final BulkcallProperties.ContactPolicy policy;
    private final Clock clock;

    public ContactHistory(NamedParameterJdbcTemplate jdbc, StreamedQuery streamed, BulkcallProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.streamed = streamed;
        this.policy = properties.contactPolicy();
        this.clock = clock;
    }

    @Override
    public SeenNumbers numbersAtLimit() {
        SeenNumbers atLimit = new SeenNumbers(0);
        if (policy.isOn()) {
            streamed.query("""
                    SELECT to_number, COUNT(*) FROM bc_contact_dial WHERE dialed_at > :since
                    GROUP BY to_number HAVING COUNT(*) >= :limit""",
                    new MapSqlParameterSource("since", Timestamp.from(clock.instant().minus(policy.period())))
                        .addValue("limit", policy.maxDials()),
                    rs -> {
                        atLimit.putIfAbsent(SeenNumbers.toLong(rs.getString(1)), rs.getLong(2));
                    });
        }
        return atLimit;
    }

    /** The numbers at their limit now, each with the line an operator reads in {@code rejected.csv}. */
    @Override
    public Map<String, String> atLimit(Collection<String> e164) {
        Map<String, String> details = new LinkedHashMap<>();
        dialsAtLimit(e164, clock.instant(), null).forEach((number, dials) -> details.put(number, dials.describe()));
        return details;
    }

    /**
     * Reserves one dial of each number under its limit for a dispatch of a batch; in the caller's
     * transaction, which must be the one that records the batch. Reserving a dispatch again (a restart
     * after a crash) is harmless: it is counted once.
     *
     * @param retry 0 for the batch's creation, k for its k-th Retry Call Batch
     * @return the numbers refused, each with why: they must not be in the dispatch
     */
    public Map<String, String> reserve(long jobInstanceId, int batchNo, int retry, Collection<String> numbers, Instant at) {
        if (!policy.isOn() || numbers.isEmpty()) {
            return Map.of();
        }
        jdbc.getJdbcTemplate().update("UPDATE bc_contact_lock SET reservations = reservations + 1 WHERE id = 1");
        Dispatch dispatch = new Dispatch(jobInstanceId, batchNo, retry);
        Map<String, String> refused = new LinkedHashMap<>();
        dialsAtLimit(numbers, at, dispatch).forEach((number, dials) -> refused.put(number, dials.describe()));
        record(jobInstanceId, batchNo, retry, numbers.stream().filter(number -> !refused.containsKey(number)).toList(), at);
        return refused;
    }

    /**
     * Records the dials of a dispatch that happened whatever the limit said (a batch the job database
     * had lost, found at Cartesia); a dial recorded already is not recorded again.
     */
    public void record(long jobInstanceId, int batchNo, int retry, Collection<String> numbers, Instant at) {
        if (!policy.isOn() || numbers.isEmpty()) {
            return;
        }
        Set<String> recorded = new HashSet<>(jdbc.queryForList("""
                SELECT to_number FROM bc_contact_dial
                WHERE job_instance_id = :job AND batch_no = :batch AND retry = :retry AND to_number IN (:numbers)""",
                new Dispatch(jobInstanceId, batchNo, retry).parameters().addValue("numbers", numbers), String.class));
        List<String> toRecord = numbers.stream().filter(number -> !recorded.contains(number)).toList();
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO bc_contact_dial (to_number, dialed_at, job_instance_id, batch_no, retry)
                VALUES (?, ?, ?, ?, ?)""", toRecord, toRecord.size(), (statement, number) -> {
                    statement.setString(1, number);
                    statement.setTimestamp(2, Timestamp.from(at));
                    statement.setLong(3, jobInstanceId);
                    statement.setInt(4, batchNo);
                    statement.setInt(5, retry);
                });
    }

    /** Takes back the reservations of a dispatch for numbers no call was placed to. */
    public void release(long jobInstanceId, int batchNo, int retry, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        jdbc.update("""
                DELETE FROM bc_contact_dial
                WHERE job_instance_id = :job AND batch_no = :batch AND retry = :retry AND to_number IN (:numbers)""",
                new Dispatch(jobInstanceId, batchNo, retry).parameters().addValue("numbers", numbers));
    }

    /** Takes back every reservation of a batch that was never created. */
    public void forget(long jobInstanceId, int batchNo) {
        jdbc.update("DELETE FROM bc_contact_dial WHERE job_instance_id = :job AND batch_no = :batch",
                new Dispatch(jobInstanceId, batchNo, 0).parameters());
    }

    /** Deletes the dials the policy no longer needs: older than its period. */
    public int expire(Instant now) {
        return jdbc.update("DELETE FROM bc_contact_dial WHERE dialed_at <= :before",
                new MapSqlParameterSource("before", Timestamp.from(now.minus(policy.period()))));
    }

    /**
     * The dials within the period before {@code at} of the numbers that have at least the limit of
     * them; a dispatch's own reservations are left out, so that reserving it again counts it once.
     */
    private Map<String, Dials> dialsAtLimit(Collection<String> numbers, Instant at, Dispatch except) {
        if (!policy.isOn() || numbers.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource parameters = (except == null ? new Dispatch(-1, -1, -1) : except).parameters()
            .addValue("numbers", numbers)
            .addValue("since", Timestamp.from(at.minus(policy.period())));
        Map<String, List<Dial>> byNumber = new LinkedHashMap<>();
        jdbc.query("""
                SELECT to_number, dialed_at, job_instance_id FROM bc_contact_dial
                WHERE to_number IN (:numbers) AND dialed_at > :since
                  AND NOT (job_instance_id = :job AND batch_no = :batch AND retry = :retry)
                ORDER BY to_number, dialed_at""", parameters, rs -> {
                    byNumber.computeIfAbsent(rs.getString(1), number -> new ArrayList<>())
                        .add(new Dial(rs.getTimestamp(2).toInstant(), rs.getLong(3)));
                });
        Map<String, Dials> atLimit = new LinkedHashMap<>();
        byNumber.forEach((number, dials) -> {
            if (dials.size() >= policy.maxDials()) {
                atLimit.put(number, new Dials(dials, policy));
            }
        });
        return atLimit;
    }

    private record Dial(Instant at, long jobInstanceId) {
    }

    /** A number's dials within the period, oldest first, at least the limit of them. */
    private record Dials(List<Dial> dials, BulkcallProperties.ContactPolicy policy) {

        /** {@code dialed 3 times since 2026-11-25 14:02 UTC (last by job 12); next possible after 2026-11-26 14:02 UTC} */
        String describe() {
            Dial last = dials.get(dials.size() - 1);
            // once the oldest dials that keep it at the limit leave the period, it may be dialed again
            Instant next = dials.get(dials.size() - policy.maxDials()).at().plus(policy.period());
            return "dialed %s since %s (last by job %d); next possible after %s".formatted(Counts.of(dials.size(), "time"),
                    WHEN.format(dials.get(0).at()), last.jobInstanceId(), WHEN.format(next));
        }
    }

    private record Dispatch(long jobInstanceId, int batchNo, int retry) {

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource("job", jobInstanceId).addValue("batch", batchNo).addValue("retry", retry);
        }
    }
}
