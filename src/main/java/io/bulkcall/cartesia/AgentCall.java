package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A call as Get Call returns it; the transcript and telephony details are not read.
 */
public record AgentCall(
        String id,
        String agentId,
        String status,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        String endReason,
        String errorMessage,
        String summary,
        Map<String, Object> metadata) {
}
