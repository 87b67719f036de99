package io.bulkcall.sandbox;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Decides which requests get a fault: first the faults a test planned for an endpoint, in order;
 * otherwise at random, an error answer with probability {@code faultRate} on any endpoint and a
 * lost response with probability {@code lostResponseRate} on Create and Retry Call Batch, the two
 * requests whose outcome a client must reconcile. Thread-safe.
 */
final class FaultInjector {

    private static final SandboxFault[] ERROR_ANSWERS = {
            SandboxFault.INTERNAL_ERROR, SandboxFault.SERVICE_UNAVAILABLE, SandboxFault.CONCURRENCY_LIMITED };

    private final RandomGenerator random;
    private final double faultRate;
    private final double lostResponseRate;
    private final Map<SandboxEndpoint, Queue<SandboxFault>> planned = new EnumMap<>(SandboxEndpoint.class);
    private final AtomicLong errorAnswers = new AtomicLong();
    private final AtomicLong lostResponses = new AtomicLong();

    FaultInjector(RandomGenerator random, double faultRate, double lostResponseRate) {
        this.random = random;
        this.faultRate = faultRate;
        this.lostResponseRate = lostResponseRate;
    }

    synchronized void plan(SandboxEndpoint endpoint, SandboxFault fault) {
        planned.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(fault);
    }

    /** The fault for the next request to this endpoint, {@code null} for none. */
    synchronized SandboxFault next(SandboxEndpoint endpoint) {
        SandboxFault fault = planned.getOrDefault(endpoint, new ArrayDeque<>()).poll();
        if (fault == null) {
            fault = draw(endpoint);
        }
        if (fault != null) {
            (fault.answersWithError() ? errorAnswers : lostResponses).incrementAndGet();
        }
        return fault;
    }

    long errorAnswers() {
        return errorAnswers.get();
    }

    long lostResponses() {
        return lostResponses.get();
    }

    private SandboxFault draw(SandboxEndpoint endpoint) {
        if (faultRate > 0 && random.nextDouble() < faultRate) {
            return ERROR_ANSWERS[random.nextInt(ERROR_ANSWERS.length)];
        }
        boolean outcomeMatters = endpoint == SandboxEndpoint.CREATE_BATCH || endpoint == SandboxEndpoint.RETRY_BATCH;
        if (outcomeMatters && lostResponseRate > 0 && random.nextDouble() < lostResponseRate) {
            return SandboxFault.LOST_RESPONSE;
        }
        return null;
    }
}
