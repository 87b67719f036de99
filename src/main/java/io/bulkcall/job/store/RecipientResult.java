package io.bulkcall.job.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A staged recipient with its final outcome: one row of {@code results.csv}.
 *
 * @param zones the time zones its calls waited for ({@code Zones} key), {@code null} with windows off
 * @param startedAt when its latest call started, as Cartesia says; {@code null} where no call connected
 * @param endedAt when its latest call ended; {@code null} where no call connected
 * @param summary the agent's post-call summary of its latest call, if any
 */
public record RecipientResult(
        long line,
        String toNumber,
        Map<String, String> metadata,
        String batchId,
        String recipientId,
        String status,
        String agentCallId,
        String endReason,
        String errorMessage,
        int attempts,
        String zones,
        Instant startedAt,
        Instant endedAt,
        String summary) {

    /** How long its latest call lasted; {@code null} unless it both started and ended. */
    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
