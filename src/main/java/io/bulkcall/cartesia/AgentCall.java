package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A call as Get Call and List Calls return it; of its telephony details only the number called is read.
 *
 * @param telephonyParams where the call went; {@code null} when Cartesia sent none
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
        TelephonyParams telephonyParams,
        List<TranscriptTurn> transcript) {

    public AgentCall {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** The number called, E.164; {@code null} when Cartesia did not say. */
    public String toNumber() {
        return telephonyParams == null ? null : telephonyParams.to();
    }

    /** The call's {@code telephony_params}; only the number called is read. */
    public record TelephonyParams(String to) {
    }
}
