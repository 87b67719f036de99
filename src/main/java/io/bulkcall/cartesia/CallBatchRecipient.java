package io.bulkcall.cartesia;

import java.time.OffsetDateTime;

/**
 * One recipient of a batch, as Get Call Batch returns it. A recipient that failed before a call
 * could be placed has no {@code agentCallId} and says why in {@code errorMessage}.
 */
public record CallBatchRecipient(
        String id,
        String toNumber,
        RecipientStatus status,
        OffsetDateTime createdAt,
        String agentCallId,
        String endReason,
        String errorMessage) {
}
