package io.bulkcall.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SimulatedRecipient.Status;

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
 * Thread-safe: every method holds the simulator's lock, which also guards the mutable
 * {@link SimulatedCallBatch}, {@link SimulatedRecipient} and {@link SimulatedCall} objects.
 */
final class CallBatchSimulator {

    private record Event(Instant at, long sequence, Runnable action) {
    }

    private static final Comparator<SimulatedCallBatch> NEWEST_FIRST =
            Comparator.comparingLong(SimulatedCallBatch::sequence).reversed();

    private final Clock clock;
    private final Ids ids;
    private final Journal journal;
    private JournalEntry.Knobs settings;
    private CallOutcomes outcomes;
    private final Map<String, SimulatedCallBatch> batches = new LinkedHashMap<>();
    private final Map<String, SimulatedCall> calls = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
    private long batchSequence;
    private long callSequence;
    private long eventSequence;
    private int reserved;
    private Instant now = Instant.EPOCH;

    /**
     * @param idSeed seeds the ids of batches, recipients and calls
     * @param journal told of every change before it is applied
     */
    CallBatchSimulator(JournalEntry.Knobs settings, Clock clock, long idSeed, Journal journal) {
        this.settings = settings;
        this.clock = clock;
        this.ids = new Ids(idSeed);
        this.journal = journal;
        this.outcomes = new CallOutcomes(settings.seed());
    }

    /** The instant requests are applied at: the clock's, never earlier than an event already played. */
    synchronized Instant now() {
        return advance();
    }

    synchronized WireFormat.CallBatchBody create(NewCallBatch request) {
        Instant at = advance();
        SimulatedCallBatch batch = new SimulatedCallBatch(++batchSequence, ids, request, at);
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
        List<SimulatedCallBatch> newestFirst = batches.values().stream()
                .filter(batch -> agentId == null || agentId.equals(batch.agentId()))
                .sorted(NEWEST_FIRST)
                .toList();
        return page.select(newestFirst, NEWEST_FIRST, batches::get, "a batch")
                .body(batch -> batch.body(false), SimulatedCallBatch::id);
    }

    /** Re-queues the recipients whose latest attempt failed; a cancelled batch cannot be retried. */
    synchronized WireFormat.CallBatchBody retry(String batchId) {
        Instant at = advance();
        SimulatedCallBatch batch = find(batchId);
        if (batch.isCancelled()) {
            throw ApiErrorException.badRequest("Batch is cancelled and cannot be retried");
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
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            throw ApiErrorException.notFound("call '" + callId + "' not found");
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
        Stream<SimulatedCall> selected = batchId == null ? calls.values().stream() : find(batchId).calls().stream();
        List<SimulatedCall> newestFirst = selected
                .filter(call -> agentId == null || agentId.equals(call.agentId()))
                .sorted(SimulatedCall.NEWEST_FIRST)
                .toList();
        return page.select(newestFirst, SimulatedCall.NEWEST_FIRST, calls::get, "a call")
                .body(call -> call.body(withTranscripts), SimulatedCall::id);
    }

    /**
     * Takes these settings from now on, recording the change; the past stays as it was played
     * (calls already placed ring and last as long as they were going to).
     */
    synchronized void reconfigure(JournalEntry.Knobs next) {
        if (!next.equals(settings)) {
            Instant at = advance();
            journal.append(new JournalEntry.Reconfigured(at, next));
            apply(next);
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
            SimulatedCallBatch batch = new SimulatedCallBatch(++batchSequence, ids, created.batch(), at);
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
        return batches.values().stream().map(SimulatedCallBatch::snapshot).toList();
    }

    synchronized Optional<CallBatchSnapshot> snapshot(String batchId) {
        advance();
        return Optional.ofNullable(batches.get(batchId)).map(SimulatedCallBatch::snapshot);
    }

    private void add(SimulatedCallBatch batch, Instant at) {
        batches.put(batch.id(), batch);
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
        if (next.seed() != outcomes.seed()) {
            outcomes = new CallOutcomes(next.seed());
        }
        settings = next;
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
            for (SimulatedCallBatch batch : batches.values()) {
                if (batch.isReserving()) {
                    for (Optional<SimulatedRecipient> next = batch.nextToDial(); next.isPresent(); next = batch.nextToDial()) {
                        dial(batch, next.get(), at);
                        dialed = true;
                    }
                }
            }
        }
        while (dialed);
    }

    private void releaseIdleBatches() {
        for (SimulatedCallBatch batch : batches.values()) {
            if (batch.isReserving() && batch.isIdle()) {
                batch.release();
                reserved -= batch.targetConcurrencyLimit();
            }
        }
    }

    private void admitWaitingBatches(Instant at) {
        for (SimulatedCallBatch batch : batches.values()) {
            if (batch.isWaiting(at)) {
                if (reserved + batch.targetConcurrencyLimit() > settings.orgConcurrencyLimit()) {
                    return;
                }
                batch.reserve(at);
                reserved += batch.targetConcurrencyLimit();
            }
        }
    }

    private void dial(SimulatedCallBatch batch, SimulatedRecipient recipient, Instant at) {
        CallOutcome outcome = outcomes.next(settings.failureRate());
        if (outcome.kind() == CallOutcome.Kind.FAILED_BEFORE_DIALING) {
            batch.failBeforeDialing(recipient, outcome.errorMessage(), at);
            return;
        }
        SimulatedCall call = new SimulatedCall(++callSequence, ids.call(), batch.agentId(), recipient, at);
        calls.put(call.id(), call);
        batch.dial(recipient, call, at);
        Instant ringEnd = at.plus(settings.ringDuration());
        Instant hangUp = ringEnd.plus(settings.callDuration());
        schedule(ringEnd, () -> endRinging(batch, recipient, call, outcome, ringEnd, hangUp));
    }

    private void endRinging(SimulatedCallBatch batch, SimulatedRecipient recipient, SimulatedCall call,
            CallOutcome outcome, Instant at, Instant hangUp) {
        if (outcome.kind() == CallOutcome.Kind.UNANSWERED) {
            call.end(SimulatedCall.Status.FAILED, outcome.endReason(), at);
            batch.end(recipient, Status.FAILED, outcome.endReason(), at);
            return;
        }
        call.start(at);
        batch.answer(recipient, at);
        schedule(hangUp, () -> {
            call.end(SimulatedCall.Status.COMPLETED, outcome.endReason(), hangUp);
            batch.end(recipient, Status.COMPLETED, outcome.endReason(), hangUp);
        });
    }

    /** Makes the dispatcher look at the batches at this instant. */
    private void wake(Instant at) {
        schedule(at, () -> {
        });
    }

    private void schedule(Instant at, Runnable action) {
        events.add(new Event(at, ++eventSequence, action));
    }

    private SimulatedCallBatch find(String batchId) {
        SimulatedCallBatch batch = batches.get(batchId);
        if (batch == null) {
            throw ApiErrorException.notFound("batch '" + batchId + "' not found");
        }
        return batch;
    }
}
