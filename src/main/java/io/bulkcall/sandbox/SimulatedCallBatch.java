package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/**
 * One simulated call batch: its recipients, every attempt to reach them, its reservation of
 * concurrency and the counters the API derives its status from. Recipients and attempts are kept
 * in columns of numbers (a few bytes each, no object each, no id: ids follow from sequence
 * numbers), so that a sandbox holds a million of them. Every change of a recipient goes through
 * the batch, which keeps the counts per status, so reading progress costs nothing however large
 * the batch. Mutable; guarded by the {@link CallBatchSimulator}'s lock.
 */
final class SimulatedCallBatch {

    /** A recipient's status, after its latest attempt. */
    enum Status {
        QUEUED, DISPATCHED, STARTED, COMPLETED, FAILED, CANCELLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Status[] STATUSES = Status.values();

    private static final CallOutcome[] OUTCOMES = CallOutcome.values();

    private static final int NONE = -1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Ids ids;
    private final int sequence;
    private final String id;
    private final String name;
    private final String agentId;
    private final String fromNumberId;
    private final int targetConcurrencyLimit;
    private final Instant scheduledAt;
    private final Instant createdAt;

    /** The sequence number of its first recipient's id; the others follow in the order they were sent. */
    private final long firstRecipient;

    /** Each recipient's number, its digits after the {@code +}. */
    private final long[] toNumbers;

    /** The version it was created under, whose field (metadata or dynamic variables) its recipients' objects are. */
    private final ApiVersion version;

    private final RecipientValues values;
    private final byte[] statuses;

    /** Each recipient's latest attempt, {@link #NONE} before the first. */
    private final int[] latestAttempts;

    /**
     * Every attempt, in the order they were made: its recipient, when (nanoseconds since the epoch,
     * enough until 2262), how it ended, and its call number (0 for none).
     */
    private int attempts;
    private int[] attemptRecipients;
    private long[] attemptTimes;
    private byte[] attemptOutcomes;
    private int[] attemptCalls;

    private final int[] counts = new int[STATUSES.length];
    private int firstMaybeQueued;
    private Instant lastUpdatedAt;
    private Instant admittedAt;
    private boolean reserving;
    private boolean cancelled;
    private int retryCount;
    private int cancelRequests;

    /**
     * @param sequence its number among the batches, from 1, which gives its id
     * @param firstRecipient the number of its first recipient among all recipients, from 1
     */
    SimulatedCallBatch(Ids ids, int sequence, long firstRecipient, NewCallBatch request, Instant createdAt) {
        this.ids = ids;
        this.sequence = sequence;
        this.id = ids.of(Ids.Kind.BATCH, sequence);
        this.name = request.name();
        this.agentId = request.agentId();
        this.fromNumberId = request.fromNumberId();
        this.targetConcurrencyLimit = request.targetConcurrencyLimit();
        this.scheduledAt = request.scheduledAt();
        this.createdAt = createdAt;
        this.lastUpdatedAt = createdAt;
        this.firstRecipient = firstRecipient;
        List<NewCallBatch.Recipient> recipients = request.recipients();
        this.toNumbers = recipients.stream().mapToLong(r -> Long.parseLong(r.toNumber().substring(1))).toArray();
        this.version = request.version();
        this.values = new RecipientValues(recipients.stream().map(NewCallBatch.Recipient::values).toList());
        this.statuses = new byte[recipients.size()];
        this.latestAttempts = new int[recipients.size()];
        Arrays.fill(latestAttempts, NONE);
        this.attemptRecipients = new int[recipients.size()];
        this.attemptTimes = new long[recipients.size()];
        this.attemptOutcomes = new byte[recipients.size()];
        this.attemptCalls = new int[recipients.size()];
        counts[Status.QUEUED.ordinal()] = recipients.size();
    }

    /** Creation order: a later batch has a greater sequence, whatever the clock says. */
    int sequence() {
        return sequence;
    }

    String id() {
        return id;
    }

    String agentId() {
        return agentId;
    }

    /** How many recipients it has. */
    int size() {
        return toNumbers.length;
    }

    /** When it may start dialing, {@code null} for at once. */
    Instant scheduledAt() {
        return scheduledAt;
    }

    int targetConcurrencyLimit() {
        return targetConcurrencyLimit;
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
        return !reserving && !cancelled && (scheduledAt == null || !scheduledAt.isAfter(at)) && queued() > 0;
    }

    /** Nothing queued and nothing in flight: its reservation can go back to the organization. */
    boolean isIdle() {
        return queued() == 0 && inFlight() == 0;
    }

    /**
     * The next queued recipient, in the order they were sent, if a call slot of the batch is free;
     * {@link #NONE} otherwise.
     */
    int nextToDial() {
        if (queued() == 0 || inFlight() >= targetConcurrencyLimit) {
            return NONE;
        }
        while (statuses[firstMaybeQueued] != Status.QUEUED.ordinal()) {
            firstMaybeQueued++;
        }
        return firstMaybeQueued;
    }

    /**
     * Hands the recipient to the dialer: an attempt that places call number {@code call}, or that
     * fails before dialing ({@code call} 0).
     *
     * @return the attempt's index among the batch's attempts
     */
    int dial(int recipient, CallOutcome outcome, int call, Instant at) {
        if (attempts == attemptRecipients.length) {
            int capacity = attempts + Math.max(1, attempts / 2);
            attemptRecipients = Arrays.copyOf(attemptRecipients, capacity);
            attemptTimes = Arrays.copyOf(attemptTimes, capacity);
            attemptOutcomes = Arrays.copyOf(attemptOutcomes, capacity);
            attemptCalls = Arrays.copyOf(attemptCalls, capacity);
        }
        int attempt = attempts++;
        attemptRecipients[attempt] = recipient;
        attemptTimes[attempt] = Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
        attemptOutcomes[attempt] = (byte) outcome.ordinal();
        attemptCalls[attempt] = call;
        latestAttempts[recipient] = attempt;
        change(recipient, outcome.placesCall() ? Status.DISPATCHED : Status.FAILED, at);
        return attempt;
    }

    void answer(int recipient, Instant at) {
        change(recipient, Status.STARTED, at);
    }

    void end(int recipient, Status finalStatus, Instant at) {
        change(recipient, finalStatus, at);
    }

    /** The call numbers of every call placed for its recipients, retries included, in the order placed. */
    IntStream calls() {
        return IntStream.range(0, attempts).map(attempt -> attemptCalls[attempt]).filter(call -> call != 0);
    }

    int attemptRecipient(int attempt) {
        return attemptRecipients[attempt];
    }

    Instant attemptedAt(int attempt) {
        return Instant.ofEpochSecond(0, attemptTimes[attempt]);
    }

    CallOutcome attemptOutcome(int attempt) {
        return OUTCOMES[attemptOutcomes[attempt]];
    }

    String toNumber(int recipient) {
        return "+" + toNumbers[recipient];
    }

    /**
     * The object the recipient was sent with as the field {@code of} that version has, {@code null}
     * if it was sent none or was created under the other version.
     */
    RawValue values(int recipient, ApiVersion of) {
        return version == of ? values.raw(recipient) : null;
    }

    /** The recipient's dynamic variables, {@code null} if it has none. */
    JsonNode dynamicVariables(int recipient) {
        return version == ApiVersion.V2026_08_14 ? values.tree(recipient) : null;
    }

    /** Re-queues every recipient whose latest attempt failed; returns how many. */
    int retry(Instant at) {
        int failed = count(Status.FAILED);
        for (int recipient = 0; recipient < statuses.length; recipient++) {
            if (status(recipient) == Status.FAILED) {
                change(recipient, Status.QUEUED, at);
            }
        }
        if (failed > 0) {
            retryCount++;
            firstMaybeQueued = 0;
        }
        return failed;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Cancels the queued recipients; calls in flight go on. Idempotent. */
    void cancel(Instant at) {
        cancelRequests++;
        if (!cancelled) {
            cancelled = true;
            for (int recipient = 0; recipient < statuses.length; recipient++) {
                if (status(recipient) == Status.QUEUED) {
                    change(recipient, Status.CANCELLED, at);
                }
            }
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
        return dispatched() < size() ? "in_progress" : "completed";
    }

    WireFormat.CallBatchBody body(boolean withRecipients) {
        return new WireFormat.CallBatchBody(id, name, agentId, fromNumberId, "US", targetConcurrencyLimit, status(),
                size(), dispatched(), finished(), retryCount, createdAt, lastUpdatedAt, scheduledAt, admittedAt,
                withRecipients ? IntStream.range(0, size()).mapToObj(this::recipientBody).toList() : null);
    }

    CallBatchSnapshot snapshot() {
        List<List<Instant>> dispatchedAt = new ArrayList<>(size());
        int[] callsPlaced = new int[size()];
        for (int recipient = 0; recipient < size(); recipient++) {
            dispatchedAt.add(new ArrayList<>(1));
        }
        for (int attempt = 0; attempt < attempts; attempt++) {
            dispatchedAt.get(attemptRecipients[attempt]).add(attemptedAt(attempt));
            callsPlaced[attemptRecipients[attempt]] += attemptCalls[attempt] == 0 ? 0 : 1;
        }
        List<RecipientSnapshot> recipients = IntStream.range(0, size())
                .mapToObj(recipient -> {
                    Attempt latest = latest(recipient);
                    return new RecipientSnapshot(recipientId(recipient), toNumber(recipient),
                            status(recipient).wire(), dispatchedAt.get(recipient).size(), callsPlaced[recipient],
                            latest.callId(), latest.endReason(), latest.errorMessage(),
                            version == ApiVersion.V2026_03_01 ? values.map(recipient) : null,
                            version == ApiVersion.V2026_08_14 ? values.map(recipient) : null,
                            dispatchedAt.get(recipient));
                })
                .toList();
        return new CallBatchSnapshot(id, name, agentId, status(), targetConcurrencyLimit, retryCount, cancelRequests,
                createdAt, scheduledAt, admittedAt, recipients);
    }

    /** What a recipient shows of its latest attempt: nothing while it is queued or once it is cancelled. */
    private record Attempt(String callId, String endReason, String errorMessage) {

        static final Attempt NOTHING = new Attempt(null, null, null);
    }

    private Attempt latest(int recipient) {
        Status status = status(recipient);
        if (status == Status.QUEUED || status == Status.CANCELLED) {
            return Attempt.NOTHING;
        }
        int attempt = latestAttempts[recipient];
        CallOutcome outcome = attemptOutcome(attempt);
        if (!outcome.placesCall()) {
            return new Attempt(null, null, CallOutcome.UNREACHABLE);
        }
        boolean ended = status == Status.COMPLETED || status == Status.FAILED;
        return new Attempt(ids.of(Ids.Kind.CALL, attemptCalls[attempt]), ended ? outcome.endReason() : null, null);
    }

    private WireFormat.RecipientBody recipientBody(int recipient) {
        Attempt latest = latest(recipient);
        return new WireFormat.RecipientBody(recipientId(recipient), toNumber(recipient), status(recipient).wire(),
                latest.callId(), latest.endReason(), latest.errorMessage(), values(recipient, ApiVersion.V2026_03_01),
                createdAt);
    }

    private String recipientId(int recipient) {
        return ids.of(Ids.Kind.RECIPIENT, firstRecipient + recipient);
    }

    private Status status(int recipient) {
        return STATUSES[statuses[recipient]];
    }

    private void change(int recipient, Status next, Instant at) {
        counts[statuses[recipient]]--;
        statuses[recipient] = (byte) next.ordinal();
        counts[next.ordinal()]++;
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
        return size() - queued() - count(Status.CANCELLED);
    }

    /** Whose latest attempt reached a terminal state. */
    private int finished() {
        return count(Status.COMPLETED) + count(Status.FAILED);
    }
}
