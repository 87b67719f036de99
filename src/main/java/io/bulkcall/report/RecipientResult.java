package io.bulkcall.report;

import java.util.Map;

/**
 * A staged recipient with its final outcome: one row of {@code results.csv}.
 *
 * @param zones the time zones its calls waited for ({@code Zones} key), {@code null} with windows off
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
        String zones) {
}
