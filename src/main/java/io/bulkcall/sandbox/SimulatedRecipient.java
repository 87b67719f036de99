package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * One recipient of a simulated batch and the state of its latest attempt. Mutable; changed only
 * through its {@link SimulatedCallBatch}, which keeps count of its recipients' statuses, and guarded
 * by the {@link CallBatchSimulator}'s lock.
 */
final class SimulatedRecipient {

    enum Status {
        QUEUED, DISPATCHED, STARTED, COMPLETED, FAILED, CANCELLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };

    private final String id;
    private final String toNumber;
    private final JsonNode metadata;
    private final Instant createdAt;
    private Status status = Status.QUEUED;
    private final List<Instant> dispatches = new ArrayList<>();
    private int callsPlaced;
    private String agentCallId;
    private String endReason;
    private String errorMessage;

    SimulatedRecipient(String id, NewCallBatch.Recipient request, Instant createdAt) {
        this.id = id;
        this.toNumber = request.toNumber();
        this.metadata = request.metadata();
        this.createdAt = createdAt;
    }

    String toNumber() {
        return toNumber;
    }

    JsonNode metadata() {
        return metadata;
    }

    Status status() {
        return status;
    }

    void dial(String callId, Instant at) {
        dispatches.add(at);
        callsPlaced++;
        status = Status.DISPATCHED;
        agentCallId = callId;
    }

    void failBeforeDialing(String message, Instant at) {
        dispatches.add(at);
        status = Status.FAILED;
        errorMessage = message;
    }

    void answer() {
        status = Status.STARTED;
    }

    void end(Status finalStatus, String reason) {
        status = finalStatus;
        endReason = reason;
    }

    /** Puts a failed recipient back in the queue; the fields of its previous attempt go with it. */
    void requeue() {
        status = Status.QUEUED;
        agentCallId = null;
        endReason = null;
        errorMessage = null;
    }

    void cancel() {
        status = Status.CANCELLED;
    }

    WireFormat.RecipientBody body() {
        return new WireFormat.RecipientBody(id, toNumber, status.wire(), agentCallId, endReason, errorMessage, metadata,
                createdAt);
    }

    RecipientSnapshot snapshot() {
        Map<String, Object> values = metadata == null ? null : WireFormat.JSON.convertValue(metadata, METADATA);
        return new RecipientSnapshot(id, toNumber, status.wire(), dispatches.size(), callsPlaced, agentCallId, endReason,
                errorMessage, values, List.copyOf(dispatches));
    }
}
