package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bulkcall.sandbox.SimulatedRecipient.Status;

/**
 * One simulated call batch: its recipients and their calls, its reservation of concurrency and the
 * counters the API derives its status from. Every change of a recipient goes through the batch,
 * which keeps the counts per status, so reading progress costs nothing however large the batch.
 * Mutable; guarded by the {@link CallBatchSimulator}'s lock.
 */
final class SimulatedCallBatch {

    private final long sequence;
    private final String id;
    private final NewCallBatch request;
    private final Instant createdAt;
    private final List<SimulatedRecipient> recipients;
    private final List<SimulatedCall> calls = new ArrayList<>();
    private final int[] counts = new int[Status.values().length];
    private int firstMaybeQueued;
    private Instant lastUpdatedAt;
    private Instant admittedAt;
    private boolean reserving;
    private boolean cancelled;
    private int retryCount;
    private int cancelRequests;

    /** Draws its id, then its recipients' ids in the order they were sent. */
    SimulatedCallBatch(long sequence, Ids ids, NewCallBatch request, Instant createdAt) {
        this.sequence = sequence;
        this.id = ids.batch();
        this.request = request;
        this.createdAt = createdAt;
        this.lastUpdatedAt = createdAt;
        this.recipients = request.recipients().stream()
                .map(r -> new SimulatedRecipient(ids.recipient(), r, createdAt))
                .toList();
        counts[Status.QUEUED.ordinal()] = recipients.size();
    }

    /** Creation order: a later batch has a greater sequence, whatever the clock says. */
    long sequence() {
        return sequence;
    }

    String id() {
        return id;
    }

    String agentId() {
        return request.agentId();
    }

    /** When it may start dialing, {@code null} for at once. */
    Instant scheduledAt() {
        return request.scheduledAt();
    }

    int targetConcurrencyLimit() {
        return request.targetConcurrencyLimit();
    }

    boolean isReserving() {
        return reserving;
    }

    /** Takes its concurrency from the organization's limit; the first time, it is admitted. */
    void reserve(Instant at) {
        reserving = true;
        if (admittedAt == null) {
            admittedAt = at;
        }
    }

    void release() {
        reserving = false;
    }

    /** Waiting for capacity: not reserving, not cancelled, due, and with recipients to dial. */
    boolean isWaiting(Instant at) {
        Instant scheduledAt = scheduledAt();
        return !reserving && !cancelled && (scheduledAt == null || !scheduledAt.isAfter(at)) && queued() > 0;
    }

    /** Nothing queued and nothing in flight: its reservation can go back to the organization. */
    boolean isIdle() {
        return queued() == 0 && inFlight() == 0;
    }

    /** The next queued recipient, in the order they were sent, if a call slot of the batch is free. */
    Optional<SimulatedRecipient> nextToDial() {
        if (queued() == 0 || inFlight() >= request.targetConcurrencyLimit()) {
            return Optional.empty();
        }
        while (recipients.get(firstMaybeQueued).status() != Status.QUEUED) {
            firstMaybeQueued++;
        }
        return Optional.of(recipients.get(firstMaybeQueued));
    }

    void dial(SimulatedRecipient recipient, SimulatedCall call, Instant at) {
        calls.add(call);
        change(recipient, () -> recipient.dial(call.id(), at), at);
    }

    /** Every call placed for its recipients, retries included, in the order they were placed. */
    List<SimulatedCall> calls() {
        return calls;
    }

    void failBeforeDialing(SimulatedRecipient recipient, String errorMessage, Instant at) {
        change(recipient, () -> recipient.failBeforeDialing(errorMessage, at), at);
    }

    void answer(SimulatedRecipient recipient, Instant at) {
        change(recipient, recipient::answer, at);
    }

    void end(SimulatedRecipient recipient, Status finalStatus, String endReason, Instant at) {
        change(recipient, () -> recipient.end(finalStatus, endReason), at);
    }

    /** Re-queues every recipient whose latest attempt failed; returns how many. */
    int retry(Instant at) {
        List<SimulatedRecipient> failed = recipients.stream().filter(r -> r.status() == Status.FAILED).toList();
        failed.forEach(recipient -> change(recipient, recipient::requeue, at));
        if (!failed.isEmpty()) {
            retryCount++;
            firstMaybeQueued = 0;
        }
        return failed.size();
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Cancels the queued recipients; calls in flight go on. Idempotent. */
    void cancel(Instant at) {
        cancelRequests++;
        if (!cancelled) {
            cancelled = true;
            recipients.stream()
                    .filter(r -> r.status() == Status.QUEUED)
                    .forEach(recipient -> change(recipient, recipient::cancel, at));
            lastUpdatedAt = at;
        }
    }

    /** The status as the API derives it from dispatch progress. */
    String status() {
        if (cancelled) {
            return "cancelled";
        }
        if (dispatched() == 0) {
            return "pending";
        }
        return dispatched() < recipients.size() ? "in_progress" : "completed";
    }

    WireFormat.CallBatchBody body(boolean withRecipients) {
        return new WireFormat.CallBatchBody(id, request.name(), request.agentId(), request.fromNumberId(), "US",
                request.targetConcurrencyLimit(), status(), recipients.size(), dispatched(), finished(), retryCount,
                createdAt, lastUpdatedAt, request.scheduledAt(), admittedAt,
                withRecipients ? recipients.stream().map(SimulatedRecipient::body).toList() : null);
    }

    CallBatchSnapshot snapshot() {
        return new CallBatchSnapshot(id, request.name(), request.agentId(), status(), request.targetConcurrencyLimit(),
                retryCount, cancelRequests, createdAt, request.scheduledAt(), admittedAt,
                recipients.stream().map(SimulatedRecipient::snapshot).toList());
    }

    private void change(SimulatedRecipient recipient, Runnable transition, Instant at) {
        counts[recipient.status().ordinal()]--;
        transition.run();
        counts[recipient.status().ordinal()]++;
        lastUpdatedAt = at;
    }

    private int count(Status status) {
        return counts[status.ordinal()];
    }

    private int queued() {
        return count(Status.QUEUED);
    }

    private int inFlight() {
        return count(Status.DISPATCHED) + count(Status.STARTED);
    }

    /** Handed to the dialer, pre-dial failures included: neither queued nor cancelled. */
    private int dispatched() {
        return recipients.size() - queued() - count(Status.CANCELLED);
    }

    /** Whose latest attempt reached a terminal state. */
    private int finished() {
        return count(Status.COMPLETED) + count(Status.FAILED);
    }
}
