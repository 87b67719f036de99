package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A Create Call Batch body that passed every rule of the reference, defaults applied.
 *
 * @param version the version it was sent under, which decides what its recipients carry
 * @param scheduledAt when to start dispatching, {@code null} for immediately
 */
record NewCallBatch(
        ApiVersion version,
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

    /**
     * @param metadata the recipient's metadata object, {@code null} when it sent none; only under 2026-03-01
     * @param dynamicVariables its dynamic variables, {@code null} when it sent none; only under 2026-08-14
     */
    record Recipient(String toNumber, CompactJson metadata, CompactJson dynamicVariables) {

        /** The object it was sent with, whichever its version's, {@code null} for none. */
        CompactJson values() {
            return metadata != null ? metadata : dynamicVariables;
        }
    }
}
