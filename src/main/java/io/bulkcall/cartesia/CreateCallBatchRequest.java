package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of Create Call Batch. Optional fields that are {@code null} are left out of the
 * request, so Cartesia applies its own defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateCallBatchRequest(
        String name,
        String agentId,
        String fromNumberId,
        List<CallRecipient> recipients,
        Integer targetConcurrencyLimit,
        Integer ringingTimeoutSeconds,
        Integer maxCallDurationMinutes,
        OffsetDateTime scheduledAt) {
}
