package io.bulkcall.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.stream.IntStream;

import io.bulkcall.sandbox.SimulatedCallBatch.Status;

/**
 * The state of the stand-in: batches, their recipients and calls, and the organization's
 * concurrency they share. A discrete-event simulation: every change (a batch created, due or
 * retried, a call answered or ended) is an event at an instant, and each read first plays the
 * events up to the {@link Clock}'s now, in order, dispatching after each one. So the state at a
 * given instant depends only on the requests, their times and the seeds (of the ids and of the
 * call outcomes), never on when or how often it is observed, and nothing runs in the background.
 * <p>
 * That is what makes it restartable: each request that changes something is written to the
 * {@link Journal} with its instant before it is applied, and {@link #replay replaying} those
 * entries on a new simulator with the same seeds rebuilds the same state, ids included.
 * <p>
 * It keeps what it cannot rebuild, compactly: each batch its recipients and attempts in columns
 * ({@link SimulatedCallBatch}), and for each call placed only which batch's attempt it was; a call
 * as Get Call shows it is made from those when asked for ({@link SimulatedCall}).
 * <p>
 * Thread-safe: every method holds the simulator's lock, which also guards the mutable
 * {@link SimulatedCallBatch} objects.
 */
final class CallBatchSimulator {

    private record Event(Instant at, long sequence, Runnable action) {
    }

    /** The knobs in force from call number {@code firstCall} on, until the next epoch's first call. */
    private record Epoch(int firstCall, JournalEntry.Knobs knobs) {
    }

    private static final Comparator<SimulatedCallBatch> NEWEST_FIRST =
            Comparator.comparingInt(SimulatedCallBatch::sequence).reversed();

    private final Clock clock;
    private final Ids ids;
    private final Journal journal;
    private JournalEntry.Knobs knobs;
    private CallOutcomes outcomes;
    private final List<Epoch> epochs = new ArrayList<>();

    /** What tests planned for the next dials of a number, by number, in order. */
    private final Map<String, Queue<CallOutcome>> planned = new HashMap<>();

    /** The batches in the order they were created: batch number {@code n} at {@code n - 1}. */
    private final List<SimulatedCallBatch> batches = new ArrayList<>();

    /** For call number {@code n}, at {@code n - 1}: the number of the batch that placed it and which attempt it was. */
    private int[] callBatches = new int[1024];
    private int[] callAttempts = new int[1024];
    private int calls;
    private long recipients;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
    private long eventSequence;
    private int reserved;
    private Instant now = Instant.EPOCH;

    /**
     * @param idSeed seeds the ids of batches, recipients and calls
     * @param journal told of every change before it is applied
     */
    CallBatchSimulator(JournalEntry.Knobs knobs, Clock clock, long idSeed, Journal journal) {
        this.clock = clock;
        this.ids = new Ids(idSeed);
        this.journal = journal;
        apply(knobs);
    }

    /** The instant requests are applied at: the clock's, never earlier than an event already played. */
    synchronized Instant now() {
        return advance();
    }

    synchronized WireFormat.CallBatchBody create(NewCallBatch request) {
        Instant at = advance();
        SimulatedCallBatch batch = next(request, at);
        journal.append(new JournalEntry.Created(at, batch.id(), request));
        add(batch, at);
        return batch.body(false);
    }

    synchronized WireFormat.CallBatchBody get(String batchId) {
        advance();
        return find(batchId).body(true);
    }

    /**
     * One page of batches, newest first, each without recipients.
     *
     * @param agentId only this agent's batches; {@code null} for all
     */
    synchronized WireFormat.PageBody<WireFormat.CallBatchBody> list(String agentId, PageRequest page) {
        advance();
        List<SimulatedCallBatch> newestFirst = batches.stream()
                .filter(batch -> agentId == null || agentId.equals(batch.agentId()))
                .sorted(NEWEST_FIRST)
                .toList();
        return page.select(newestFirst, NEWEST_FIRST, this::batch, "a batch")
                .body(batch -> batch.body(false), SimulatedCallBatch::id);
    }

    /** Re-queues the recipients whose latest attempt failed; a cancelled batch cannot be retried. */
    synchronized WireFormat.CallBatchBody retry(String batchId) {
        Instant at = advance();
        SimulatedCallBatch batch = find(batchId);
        if (batch.isCancelled()) {
            throw ApiError.BAD_REQUEST.exception("Batch is cancelled and cannot be retried");
        }
        journal.append(new JournalEntry.Retried(at, batchId));
        retry(batch, at);
        return batch.body(false);
    }

    /** Cancels the queued recipients; calls in flight finish. Idempotent. */
    synchronized WireFormat.CallBatchBody cancel(String batchId) {
        Instant at = advance();
        SimulatedCallBatch batch = find(batchId);
        journal.append(new JournalEntry.Cancelled(at, batchId));
        cancel(batch, at);
        return batch.body(false);
    }

    /** Get Call: the call with its summary and transcript. */
    synchronized WireFormat.CallBody call(String callId) {
        advance();
        SimulatedCall call = call(ids.sequence(Ids.Kind.CALL, callId));
        if (call == null) {
            throw ApiError.NOT_FOUND.exception("call '" + callId + "' not found");
        }
        return call.body(true);
    }

    /**
     * One page of calls, one per attempt that placed a call, newest first by start time (a call not
     * started yet by when it was placed).
     *
     * @param agentId only this agent's calls; {@code null} for all
     * @param batchId only this batch's calls; {@code null} for all
     * @param withTranscripts whether the calls show their {@code transcript}
     */
    synchronized WireFormat.PageBody<WireFormat.CallBody> listCalls(String agentId, String batchId, PageRequest page,
            boolean withTranscripts) {
        advance();
        IntStream selected = batchId == null ? IntStream.rangeClosed(1, calls) : find(batchId).calls();
        List<SimulatedCall> newestFirst = SimulatedCall.newestFirst(selected.mapToObj(this::call)
                .filter(call -> agentId == null || agentId.equals(call.agentId())));
        return page.select(newestFirst, SimulatedCall.NEWEST_FIRST, id -> call(ids.sequence(Ids.Kind.CALL, id)),
                "a call").body(call -> call.body(withTranscripts), SimulatedCall::id);
    }

    /**
     * Takes these knobs from now on, recording the change; the past stays as it was played
     * (calls already placed ring and last as long as they were going to).
     */
    synchronized void reconfigure(JournalEntry.Knobs next) {
        if (!next.equals(knobs)) {
            Instant at = advance();
            journal.append(new JournalEntry.Reconfigured(at, next));
            apply(next);
        }
    }

    /**
     * The next dials of {@code toNumber} end as {@code next} says, in order, after what was planned
     * for it already. Not journaled: a plan is a test's, not a request's.
     */
    synchronized void planOutcomes(String toNumber, List<CallOutcome> next) {
        if (!next.isEmpty()) {
            planned.computeIfAbsent(toNumber, number -> new ArrayDeque<>()).addAll(next);
        }
    }

    /**
     * Applies a change read back from the journal, at its instant, without recording it again.
     *
     * @throws IllegalStateException if the change does not fit the state replayed so far
     */
    synchronized void replay(JournalEntry entry) {
        Instant at = advanceTo(entry.at());
        if (entry instanceof JournalEntry.Created created) {
            SimulatedCallBatch batch = next(created.batch(), at);
            if (!batch.id().equals(created.batchId())) {
                throw new IllegalStateException("the batch created is " + batch.id() + ", not " + created.batchId());
            }
            add(batch, at);
        }
        else if (entry instanceof JournalEntry.Retried retried) {
            retry(find(retried.batchId()), at);
        }
        else if (entry instanceof JournalEntry.Cancelled cancelled) {
            cancel(find(cancelled.batchId()), at);
        }
        else if (entry instanceof JournalEntry.Reconfigured reconfigured) {
            apply(reconfigured.settings());
        }
        else {
            throw new IllegalStateException("a " + entry.getClass().getSimpleName() + " is not a change");
        }
    }

    /** Every batch, oldest first, as it is now. */
    synchronized List<CallBatchSnapshot> snapshot() {
        advance();
        return batches.stream().map(SimulatedCallBatch::snapshot).toList();
    }

    synchronized Optional<CallBatchSnapshot> snapshot(String batchId) {
        advance();
        return Optional.ofNullable(batch(batchId)).map(SimulatedCallBatch::snapshot);
    }

    /** The batch the next create makes of the request, not added yet. */
    private SimulatedCallBatch next(NewCallBatch request, Instant at) {
        return new SimulatedCallBatch(ids, batches.size() + 1, recipients + 1, request, at);
    }

    private void add(SimulatedCallBatch batch, Instant at) {
        batches.add(batch);
        recipients += batch.size();
        // Answered before the dispatcher sees it, as the reference shows: every recipient still queued.
        Instant scheduledAt = batch.scheduledAt();
        wake(scheduledAt == null ? at : scheduledAt);
    }

    private void retry(SimulatedCallBatch batch, Instant at) {
        if (batch.retry(at) > 0) {
            wake(at);
        }
    }

    private void cancel(SimulatedCallBatch batch, Instant at) {
        batch.cancel(at);
        wake(at);
    }

    private void apply(JournalEntry.Knobs next) {
        if (outcomes == null || next.seed() != outcomes.seed()) {
            outcomes = new CallOutcomes(next.seed());
        }
        if (!epochs.isEmpty() && epochs.get(epochs.size() - 1).firstCall() > calls) {
            epochs.remove(epochs.size() - 1);
        }
        epochs.add(new Epoch(calls + 1, next));
        knobs = next;
    }

    /** Plays the events up to the clock's now and records how far time has gone. */
    private Instant advance() {
        Instant reached = advanceTo(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        journal.timeReached(reached);
        return reached;
    }

    private Instant advanceTo(Instant instant) {
        Instant target = instant.isBefore(now) ? now : instant;
        while (!events.isEmpty() && !events.peek().at().isAfter(target)) {
            Event event = events.poll();
            now = event.at();
            event.action().run();
            dispatch(now);
        }
        now = target;
        return now;
    }

    /**
     * Frees the reservations of batches with nothing left to dial, admits waiting batches oldest
     * first while the organization has capacity (a batch that does not fit blocks younger ones),
     * and fills the free call slots of admitted batches; again until nothing changes, since a
     * recipient that fails before dialing frees its slot at once.
     */
    private void dispatch(Instant at) {
        boolean dialed;
        do {
            releaseIdleBatches();
            admitWaitingBatches(at);
            dialed = false;
            for (SimulatedCallBatch batch : batches) {
                if (batch.isReserving()) {
                    for (int next = batch.nextToDial(); next >= 0; next = batch.nextToDial()) {
                        dial(batch, next, at);
                        dialed = true;
                    }
                }
            }
        }
        while (dialed);
    }

    private void releaseIdleBatches() {
        for (SimulatedCallBatch batch : batches) {
            if (batch.isReserving() && batch.isIdle()) {
                batch.release();
                reserved -= batch.targetConcurrencyLimit();
            }
        }
    }

    private void admitWaitingBatches(Instant at) {
        for (SimulatedCallBatch batch : batches) {
            if (batch.isWaiting(at)) {
                if (reserved + batch.targetConcurrencyLimit() > knobs.orgConcurrencyLimit()) {
                    return;
                }
                batch.reserve(at);
                reserved += batch.targetConcurrencyLimit();
            }
        }
    }

    private void dial(SimulatedCallBatch batch, int recipient, Instant at) {
        CallOutcome outcome = nextOutcome(batch, recipient);
        if (!outcome.placesCall()) {
            batch.dial(recipient, outcome, 0, at);
            return;
        }
        if (calls == callBatches.length) {
            callBatches = Arrays.copyOf(callBatches, 2 * calls);
            callAttempts = Arrays.copyOf(callAttempts, 2 * calls);
        }
        int call = ++calls;
        callBatches[call - 1] = batch.sequence();
        callAttempts[call - 1] = batch.dial(recipient, outcome, call, at);
        Instant ringEnd = at.plus(knobs.ringDuration());
        Instant hangUp = ringEnd.plus(knobs.callDuration());
        schedule(ringEnd, () -> endRinging(batch, recipient, outcome, ringEnd, hangUp));
    }

    /**
     * The outcome planned for the number's next dial, if any, else one drawn. The draw is made
     * either way, so that a plan leaves every other dial's outcome as the seed has it.
     */
    private CallOutcome nextOutcome(SimulatedCallBatch batch, int recipient) {
        CallOutcome drawn = outcomes.next(knobs.failureRate());
        if (planned.isEmpty()) {
            return drawn;
        }
        String toNumber = batch.toNumber(recipient);
        Queue<CallOutcome> plan = planned.get(toNumber);
        if (plan == null) {
            return drawn;
        }
        CallOutcome outcome = plan.remove();
        if (plan.isEmpty()) {
            planned.remove(toNumber);
        }
        return outcome;
    }

    private void endRinging(SimulatedCallBatch batch, int recipient, CallOutcome outcome, Instant at, Instant hangUp) {
        if (!outcome.connects()) {
            batch.end(recipient, Status.FAILED, at);
            return;
        }
        batch.answer(recipient, at);
        schedule(hangUp, () -> batch.end(recipient, Status.COMPLETED, hangUp));
    }

    /** Makes the dispatcher look at the batches at this instant. */
    private void wake(Instant at) {
        schedule(at, () -> {
        });
    }

    private void schedule(Instant at, Runnable action) {
        events.add(new Event(at, ++eventSequence, action));
    }

    /** Call number {@code sequence} as it is now, {@code null} if no such call was placed. */
    private SimulatedCall call(long sequence) {
        if (sequence < 1 || sequence > calls) {
            return null;
        }
        int call = (int) sequence;
        int epoch = epochs.size() - 1;
        while (epochs.get(epoch).firstCall() > call) {
            epoch--;
        }
        return new SimulatedCall(call, ids.of(Ids.Kind.CALL, call), batches.get(callBatches[call - 1] - 1),
                callAttempts[call - 1], epochs.get(epoch).knobs(), now);
    }

    /** The batch of this id, {@code null} if there is none. */
    private SimulatedCallBatch batch(String batchId) {
        long sequence = ids.sequence(Ids.Kind.BATCH, batchId);
        return sequence < 1 || sequence > batches.size() ? null : batches.get((int) sequence - 1);
    }

    private SimulatedCallBatch find(String batchId) {
        SimulatedCallBatch batch = batch(batchId);
        if (batch == null) {
            throw ApiError.NOT_FOUND.exception("batch '" + batchId + "' not found");
        }
        return batch;
    }
}
