package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A call as Get Call and List Calls return it; telephony details are not read.
 *
 * @param transcript the call's turns, in order; empty unless List Calls was asked for transcripts
 *        (Get Call always sends it), and for a call that never connected or keeps no data
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
        Map<String, Object> metadata,
        List<TranscriptTurn> transcript) {

    public AgentCall {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }
}
