package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one recipient of a {@link CallBatchSnapshot}.
 *
 * @param id the recipient id, {@code abcr_…}
 * @param toNumber the number it was sent with
 * @param status its status as the API reports it: {@code queued}, {@code dispatched},
 *        {@code started}, {@code completed}, {@code failed} or {@code cancelled}
 * @param attempts how many times it was handed to the dialer; 0 means it was never dialed
 * @param callsPlaced how many of those attempts placed a call (the others failed before dialing)
 * @param agentCallId the call of its latest attempt, {@code null} before dispatch or after a
 *        failure before dialing
 * @param endReason how its latest call ended, {@code null} until it did
 * @param errorMessage why its latest attempt failed before a call was placed, otherwise {@code null}
 * @param metadata the metadata it was sent with (2026-03-01), {@code null} if none; values as JSON
 *        types (strings, numbers, booleans, lists, maps)
 * @param dynamicVariables the dynamic variables it was sent with (2026-08-14), {@code null} if none;
 *        values as JSON types (strings, numbers, booleans)
 * @param dispatchedAt when it was handed to the dialer, once per attempt, in order
 */
public record RecipientSnapshot(
        String id,
        String toNumber,
        String status,
        int attempts,
        int callsPlaced,
        String agentCallId,
        String endReason,
        String errorMessage,
        Map<String, Object> metadata,
        Map<String, Object> dynamicVariables,
        List<Instant> dispatchedAt) {

    public RecipientSnapshot {
        dispatchedAt = List.copyOf(dispatchedAt);
    }
}
