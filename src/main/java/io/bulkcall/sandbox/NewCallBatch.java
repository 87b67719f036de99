package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A Create Call Batch body that passed every rule of the reference, defaults applied.
 *
 * @param scheduledAt when to start dispatching, {@code null} for immediately
 */
record NewCallBatch(
        String name,
        String agentId,
        String fromNumberId,
        List<Recipient> recipients,
        int targetConcurrencyLimit,
        int ringingTimeoutSeconds,
        int maxCallDurationMinutes,
        Instant scheduledAt) {

    NewCallBatch {
        recipients = List.copyOf(recipients);
    }

    /** @param metadata the recipient's metadata object, {@code null} when it sent none */
    record Recipient(String toNumber, CompactJson metadata) {
    }
}
