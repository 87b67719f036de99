package io.bulkcall.sandbox;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many requests reached each endpoint, whatever their answer (faults, errors and lost
 * responses included). Thread-safe.
 */
final class RequestCounter {

    private final AtomicLongArray counts = new AtomicLongArray(SandboxEndpoint.values().length);

    /** Counts a request; returns its ordinal among the requests to that endpoint, from 1. */
    long record(SandboxEndpoint endpoint) {
        return counts.incrementAndGet(endpoint.ordinal());
    }

    long count(SandboxEndpoint endpoint) {
        return counts.get(endpoint.ordinal());
    }
}
