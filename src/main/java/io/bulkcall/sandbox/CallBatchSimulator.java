package io.bulkcall.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

import io.bulkcall.sandbox.SimulatedRecipient.Status;

/**
 * The state of the stand-in: batches, their recipients and calls, and the organization's
 * concurrency they share. A discrete-event simulation: every change (a batch created, due or
 * retried, a call answered or ended) is an event at an instant, and each read first plays the
 * events up to the {@link Clock}'s now, in order, dispatching after each one. So the state at a
 * given instant depends only on the requests, their times and the seed, never on when or how often
 * it is observed, and nothing runs in the background.
 * <p>
 * Thread-safe: every method holds the simulator's lock, which also guards the mutable
 * {@link SimulatedBatch}, {@link SimulatedRecipient} and {@link SimulatedCall} objects.
 */
final class CallBatchSimulator {

    private record Event(Instant at, long sequence, Runnable action) {
    }

    private final SandboxSettings settings;
    private final Clock clock;
    private final CallOutcomes outcomes;
    private final Map<String, SimulatedBatch> batches = new LinkedHashMap<>();
    private final Map<String, SimulatedCall> calls = new HashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
    private long batchSequence;
    private long eventSequence;
    private int reserved;
    private Instant now = Instant.EPOCH;

    CallBatchSimulator(SandboxSettings settings, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.outcomes = new CallOutcomes(random, settings.failureRate());
    }

    /** The instant requests are applied at: the clock's, never earlier than an event already played. */
    synchronized Instant now() {
        return advance();
    }

    synchronized WireFormat.BatchBody create(NewBatch request) {
        Instant at = advance();
        if (!settings.acceptsAgent(request.agentId())) {
            throw ApiErrorException.notFound("agent '" + request.agentId() + "' not found");
        }
        if (!settings.acceptsFromNumber(request.fromNumberId())) {
            throw ApiErrorException.notFound("phone number '" + request.fromNumberId() + "' not found");
        }
        SimulatedBatch batch = new SimulatedBatch(++batchSequence, request, at);
        batches.put(batch.id(), batch);
        // Answered before the dispatcher sees it, as the reference shows: every recipient still queued.
        wake(request.scheduledAt() == null ? at : request.scheduledAt());
        return batch.body(false);
    }

    synchronized WireFormat.BatchBody get(String batchId) {
        advance();
        return find(batchId).body(true);
    }

    /**
     * One page of batches, newest first, each without recipients.
     *
     * @param agentId only this agent's batches; {@code null} for all
     * @param startingAfter only batches older than this one; {@code null} to start from the newest
     * @param endingBefore only batches newer than this one (the page closest to it); {@code null} for none
     */
    synchronized WireFormat.PageBody list(String agentId, String startingAfter, String endingBefore, int limit) {
        advance();
        if (startingAfter != null && endingBefore != null) {
            throw ApiErrorException.badRequest("send starting_after or ending_before, not both");
        }
        List<SimulatedBatch> newestFirst = new ArrayList<>(batches.values().stream()
                .filter(batch -> agentId == null || agentId.equals(batch.agentId()))
                .toList());
        Collections.reverse(newestFirst);
        if (endingBefore != null) {
            long anchor = anchor("ending_before", endingBefore);
            List<SimulatedBatch> newer = newestFirst.stream().filter(b -> b.sequence() > anchor).toList();
            List<SimulatedBatch> page = newer.subList(Math.max(0, newer.size() - limit), newer.size());
            boolean hasMore = newer.size() > limit;
            return page(page, hasMore, hasMore ? page.get(0).id() : null);
        }
        long anchor = startingAfter == null ? Long.MAX_VALUE : anchor("starting_after", startingAfter);
        List<SimulatedBatch> older = newestFirst.stream().filter(b -> b.sequence() < anchor).toList();
        List<SimulatedBatch> page = older.subList(0, Math.min(limit, older.size()));
        boolean hasMore = older.size() > limit;
        return page(page, hasMore, hasMore ? page.get(page.size() - 1).id() : null);
    }

    /** Re-queues the recipients whose latest attempt failed; a cancelled batch cannot be retried. */
    synchronized WireFormat.BatchBody retry(String batchId) {
        Instant at = advance();
        SimulatedBatch batch = find(batchId);
        if (batch.isCancelled()) {
            throw ApiErrorException.badRequest("Batch is cancelled and cannot be retried");
        }
        if (batch.retry(at) > 0) {
            wake(at);
        }
        return batch.body(false);
    }

    /** Cancels the queued recipients; calls in flight finish. Idempotent. */
    synchronized WireFormat.BatchBody cancel(String batchId) {
        Instant at = advance();
        SimulatedBatch batch = find(batchId);
        batch.cancel(at);
        wake(at);
        return batch.body(false);
    }

    synchronized WireFormat.CallBody call(String callId) {
        advance();
        SimulatedCall call = calls.get(callId);
        if (call == null) {
            throw ApiErrorException.notFound("call '" + callId + "' not found");
        }
        return call.body();
    }

    /** Every batch, oldest first, as it is now. */
    synchronized List<SandboxBatch> snapshot() {
        advance();
        return batches.values().stream().map(SimulatedBatch::snapshot).toList();
    }

    synchronized Optional<SandboxBatch> snapshot(String batchId) {
        advance();
        return Optional.ofNullable(batches.get(batchId)).map(SimulatedBatch::snapshot);
    }

    private Instant advance() {
        Instant target = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (target.isBefore(now)) {
            target = now;
        }
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
            for (SimulatedBatch batch : batches.values()) {
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
        for (SimulatedBatch batch : batches.values()) {
            if (batch.isReserving() && batch.isIdle()) {
                batch.release();
                reserved -= batch.targetConcurrencyLimit();
            }
        }
    }

    private void admitWaitingBatches(Instant at) {
        for (SimulatedBatch batch : batches.values()) {
            if (batch.isWaiting(at)) {
                if (reserved + batch.targetConcurrencyLimit() > settings.orgConcurrencyLimit()) {
                    return;
                }
                batch.reserve(at);
                reserved += batch.targetConcurrencyLimit();
            }
        }
    }

    private void dial(SimulatedBatch batch, SimulatedRecipient recipient, Instant at) {
        CallOutcome outcome = outcomes.next();
        if (outcome.kind() == CallOutcome.Kind.FAILED_BEFORE_DIALING) {
            batch.failBeforeDialing(recipient, outcome.errorMessage(), at);
            return;
        }
        SimulatedCall call = new SimulatedCall(batch.agentId(), recipient);
        calls.put(call.id(), call);
        batch.dial(recipient, call.id(), at);
        Instant ringEnd = at.plus(settings.ringDuration());
        schedule(ringEnd, () -> endRinging(batch, recipient, call, outcome, ringEnd));
    }

    private void endRinging(SimulatedBatch batch, SimulatedRecipient recipient, SimulatedCall call,
            CallOutcome outcome, Instant at) {
        if (outcome.kind() == CallOutcome.Kind.UNANSWERED) {
            call.end(SimulatedCall.Status.FAILED, outcome.endReason(), at);
            batch.end(recipient, Status.FAILED, outcome.endReason(), at);
            return;
        }
        call.start(at);
        batch.answer(recipient, at);
        Instant hangUp = at.plus(settings.callDuration());
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

    private SimulatedBatch find(String batchId) {
        SimulatedBatch batch = batches.get(batchId);
        if (batch == null) {
            throw ApiErrorException.notFound("batch '" + batchId + "' not found");
        }
        return batch;
    }

    private long anchor(String parameter, String batchId) {
        SimulatedBatch batch = batches.get(batchId);
        if (batch == null) {
            throw ApiErrorException.badRequest(parameter + " '" + batchId + "' is not a batch");
        }
        return batch.sequence();
    }

    private static WireFormat.PageBody page(List<SimulatedBatch> page, boolean hasMore, String nextPage) {
        return new WireFormat.PageBody(page.stream().map(batch -> batch.body(false)).toList(), hasMore, nextPage);
    }
}
