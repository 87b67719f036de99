package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One call attempt, as Get Call and List Calls show it: placed when its recipient was dialed,
 * started if answered, ended with a reason. Mutable; guarded by the {@link CallBatchSimulator}'s lock.
 */
final class SimulatedCall {

    enum Status {
        CREATED, STARTED, COMPLETED, FAILED
    }

    /**
     * List Calls' order: newest first by start time, a call not started by when it was placed;
     * among equals, the one placed later first.
     */
    static final Comparator<SimulatedCall> NEWEST_FIRST = Comparator.comparing(SimulatedCall::listedAt)
            .thenComparingLong(SimulatedCall::sequence)
            .reversed();

    private final long sequence;
    private final String id;
    private final String agentId;
    private final SimulatedRecipient recipient;
    private final Instant createdAt;
    private Status status = Status.CREATED;
    private Instant startTime;
    private Instant endTime;
    private String endReason;

    /**
     * @param sequence the order calls were placed in, across batches
     * @param createdAt when the recipient was dialed
     */
    SimulatedCall(long sequence, String id, String agentId, SimulatedRecipient recipient, Instant createdAt) {
        this.sequence = sequence;
        this.id = id;
        this.agentId = agentId;
        this.recipient = recipient;
        this.createdAt = createdAt;
    }

    long sequence() {
        return sequence;
    }

    String id() {
        return id;
    }

    String agentId() {
        return agentId;
    }

    void start(Instant at) {
        status = Status.STARTED;
        startTime = at;
    }

    void end(Status finalStatus, String reason, Instant at) {
        status = finalStatus;
        endReason = reason;
        endTime = at;
    }

    /**
     * The {@code AgentCall}. A call that was answered and ended has a summary and a transcript; the
     * others have neither, and show a {@code null} transcript.
     *
     * @param withTranscript whether to show the {@code transcript} field at all
     */
    WireFormat.CallBody body(boolean withTranscript) {
        boolean talked = status == Status.COMPLETED;
        Conversation conversation = Conversation.ofCall(sequence);
        JsonNode transcript = null;
        if (withTranscript) {
            transcript = talked
                    ? WireFormat.JSON.valueToTree(conversation.transcript(Duration.between(startTime, endTime)))
                    : NullNode.getInstance();
        }
        return new WireFormat.CallBody(id, agentId, status.name().toLowerCase(Locale.ROOT), startTime, endTime,
                endReason, null, talked ? conversation.summary() : null, recipient.metadata(), "cartesia", "US", false,
                new WireFormat.TelephonyParams(recipient.toNumber(), "outbound", "phone"),
                transcript);
    }

    private Instant listedAt() {
        return startTime != null ? startTime : createdAt;
    }
}
