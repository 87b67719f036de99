package io.bulkcall.sandbox;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Decides which requests get a fault: first as a test planned it, one request after another per
 * endpoint (a planned request passes or gets its fault); otherwise at random, an error answer
 * with probability {@code faultRate} on any endpoint and a lost response with probability
 * {@code lostResponseRate} on Create and Retry Call Batch, the two requests whose outcome a client
 * must reconcile. Thread-safe.
 */
final class FaultInjector {

    private static final SandboxFault[] ERROR_ANSWERS = {
            SandboxFault.INTERNAL_ERROR, SandboxFault.SERVICE_UNAVAILABLE, SandboxFault.CONCURRENCY_LIMITED };

    private final RandomGenerator random;
    private final double faultRate;
    private final double lostResponseRate;
    private final Map<SandboxEndpoint, Queue<Optional<SandboxFault>>> planned = new EnumMap<>(SandboxEndpoint.class);
    private final AtomicLong errorAnswers = new AtomicLong();
    private final AtomicLong lostResponses = new AtomicLong();

    FaultInjector(RandomGenerator random, double faultRate, double lostResponseRate) {
        this.random = random;
        this.faultRate = faultRate;
        this.lostResponseRate = lostResponseRate;
    }

    /** Faults at the settings' rates, from the second stream split off their seed: independent of call outcomes. */
    static FaultInjector seeded(SandboxSettings settings) {
        SplittableRandom seeded = new SplittableRandom(settings.seed());
        seeded.split();
        return new FaultInjector(seeded.split(), settings.faultRate(), settings.lostResponseRate());
    }

    /** Plans, after what is planned already, {@code after} requests to pass and the next to get the fault. */
    synchronized void plan(SandboxEndpoint endpoint, SandboxFault fault, int after) {
        Queue<Optional<SandboxFault>> script = planned.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < after; i++) {
            script.add(Optional.empty());
        }
        script.add(Optional.of(fault));
    }

    /** Drops every fault planned and not met yet. */
    synchronized void forgetPlans() {
        planned.clear();
    }

    /** The fault for the next request to this endpoint, {@code null} for none. */
    synchronized SandboxFault next(SandboxEndpoint endpoint) {
        Optional<SandboxFault> plan = planned.getOrDefault(endpoint, new ArrayDeque<>()).poll();
        SandboxFault fault = plan != null && plan.isPresent() ? plan.get() : draw(endpoint);
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
