package io.bulkcall.cartesia;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A recipient's {@code status} as the API sent it: before dispatch the queue state, after dispatch
 * the state of the latest attempt. A value added by Cartesia later has the kind
 * {@link Kind#UNKNOWN} and is kept verbatim. Immutable and thread-safe.
 */
public final class RecipientStatus extends WireStatus<RecipientStatus.Kind> {

    public enum Kind {
        QUEUED, DISPATCHED, STARTED, COMPLETED, FAILED, CANCELLED, UNKNOWN
    }

    public static final RecipientStatus QUEUED = of("queued");
    public static final RecipientStatus DISPATCHED = of("dispatched");
    public static final RecipientStatus STARTED = of("started");
    public static final RecipientStatus COMPLETED = of("completed");
    public static final RecipientStatus FAILED = of("failed");
    public static final RecipientStatus CANCELLED = of("cancelled");

    private RecipientStatus(String raw) {
        super(Kind.class, Kind.UNKNOWN, raw);
    }

    @JsonCreator
    public static RecipientStatus of(String raw) {
        return new RecipientStatus(raw);
    }
}
