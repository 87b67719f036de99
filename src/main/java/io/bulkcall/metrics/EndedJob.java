package io.bulkcall.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The counts of a job that ended, as its {@code summary.json} gives them. Immutable.
 *
 * @param state {@code COMPLETED}, {@code FAILED}, {@code STOPPED} or {@code REJECTED}
 * @param duration from the job's first start to its end
 * @param accepted rows staged to be dialed
 * @param rejected rows rejected as bad data, by reason
 * @param suppressed rows left out by choice (do-not-call, contact limit), by reason
 * @param calls staged recipients by the final status of their call
 * @param endReasons recipients by the {@code end_reason} of their latest call
 * @param redials recipients redialed, by round and the outcome that called for it
 */
public record EndedJob(String state, Duration duration, long accepted, Map<String, Long> rejected,
        Map<String, Long> suppressed, Map<String, Long> calls, Map<String, Long> endReasons, List<Redialed> redials) {

    public EndedJob {
        rejected = Map.copyOf(rejected);
        suppressed = Map.copyOf(suppressed);
        calls = Map.copyOf(calls);
        endReasons = Map.copyOf(endReasons);
        redials = List.copyOf(redials);
    }

    /** The recipients redialed in one round after one outcome. */
    public record Redialed(int round, String outcome, long recipients) {
    }
}
