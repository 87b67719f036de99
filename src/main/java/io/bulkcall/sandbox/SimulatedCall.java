package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One call attempt, as Get Call and List Calls show it at an instant: placed when its recipient
 * was dialed, ringing for as long as the knobs of that moment said, then failed, or started and
 * ended with a reason. Made on demand from what its batch keeps of the attempt, and never kept:
 * everything about a call follows from when it was placed, how it was drawn to end and the knobs.
 * Immutable.
 *
 * @param sequence the order calls were placed in, across batches, from 1
 * @param attempt the attempt of {@code batch} that placed it
 * @param knobs the knobs in force when it was placed: how long it rang and lasted, what the agent said first
 * @param now the instant it is seen at
 */
record SimulatedCall(int sequence, String id, SimulatedCallBatch batch, int attempt, JournalEntry.Knobs knobs,
        Instant now) {

    /**
     * List Calls' order: newest first by start time, a call not started by when it was placed;
     * among equals, the one placed later first.
     */
    private static final Comparator<Listed> NEWEST = Comparator.comparing(Listed::at)
            .thenComparingInt(listed -> listed.call().sequence())
            .reversed();

    /** List Calls' order, for comparing calls one with another. */
    static final Comparator<SimulatedCall> NEWEST_FIRST = Comparator.comparing(SimulatedCall::listed, NEWEST);

    /**
     * The calls in List Calls' order, each one's place worked out once rather than at every comparison
     * of a sort: a page of a batch's calls sorts all of them.
     */
    static List<SimulatedCall> newestFirst(Stream<SimulatedCall> calls) {
        return calls.map(SimulatedCall::listed).sorted(NEWEST).map(Listed::call).toList();
    }

    String agentId() {
        return batch.agentId();
    }

    /**
     * The {@code AgentCall}. A call that was answered and ended has a summary and a transcript; the
     * others have neither, and show a {@code null} transcript.
     *
     * @param withTranscript whether to show the {@code transcript} field at all
     */
    WireFormat.CallBody body(boolean withTranscript) {
        CallOutcome outcome = batch.attemptOutcome(attempt);
        Instant startTime = startTime();
        Instant endTime = endTime();
        int recipient = batch.attemptRecipient(attempt);
        boolean talked = outcome.connects() && endTime != null;
        Conversation conversation = talked
                ? Conversation.ofCall(sequence, knobs.welcomeMessage(), batch.dynamicVariables(recipient))
                : null;
        JsonNode transcript = null;
        if (withTranscript) {
            transcript = talked
                    ? WireFormat.JSON.valueToTree(conversation.transcript(Duration.between(startTime, endTime)))
                    : NullNode.getInstance();
        }
        return new WireFormat.CallBody(id, agentId(), status(outcome, startTime, endTime), startTime, endTime,
                endTime == null ? null : outcome.endReason(), null, talked ? conversation.summary() : null,
                batch.values(recipient, ApiVersion.V2026_03_01), batch.values(recipient, ApiVersion.V2026_08_14),
                "cartesia", "US", false,
                new WireFormat.TelephonyParams(batch.toNumber(recipient), "outbound", "phone"), transcript);
    }

    private static String status(CallOutcome outcome, Instant startTime, Instant endTime) {
        if (endTime != null) {
            return outcome.connects() ? "completed" : "failed";
        }
        return startTime != null ? "started" : "created";
    }

    /** When it stopped ringing. */
    private Instant ringEnd() {
        return batch.attemptedAt(attempt).plus(knobs.ringDuration());
    }

    /** When it was answered, {@code null} if not (yet). */
    private Instant startTime() {
        return batch.attemptOutcome(attempt).connects() && !ringEnd().isAfter(now) ? ringEnd() : null;
    }

    /** When it ended, failed when it stopped ringing or hung up after the call's duration; {@code null} if not yet. */
    private Instant endTime() {
        Instant end = batch.attemptOutcome(attempt).connects() ? ringEnd().plus(knobs.callDuration()) : ringEnd();
        return end.isAfter(now) ? null : end;
    }

    private Listed listed() {
        Instant startTime = startTime();
        return new Listed(startTime != null ? startTime : batch.attemptedAt(attempt), this);
    }

    /** A call and where List Calls shows it: when it started, or when it was placed if it did not start. */
    private record Listed(Instant at, SimulatedCall call) {
    }
}
