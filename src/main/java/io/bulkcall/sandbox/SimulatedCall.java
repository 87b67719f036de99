package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.Locale;

/**
 * One call attempt, as Get Call shows it. Mutable; guarded by the {@link CallBatchSimulator}'s lock.
 */
final class SimulatedCall {

    enum Status {
        CREATED, STARTED, COMPLETED, FAILED
    }

    private final String id = Ids.call();
    private final String agentId;
    private final SimulatedRecipient recipient;
    private Status status = Status.CREATED;
    private Instant startTime;
    private Instant endTime;
    private String endReason;

    SimulatedCall(String agentId, SimulatedRecipient recipient) {
        this.agentId = agentId;
        this.recipient = recipient;
    }

    String id() {
        return id;
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

    WireFormat.CallBody body() {
        String summary = status == Status.COMPLETED ? "Simulated call to " + recipient.toNumber() : null;
        return new WireFormat.CallBody(id, agentId, status.name().toLowerCase(Locale.ROOT), startTime, endTime,
                endReason, null, summary, recipient.metadata(), "cartesia", "US", false,
                new WireFormat.TelephonyParams(recipient.toNumber(), "outbound", "phone"));
    }
}
