package io.bulkcall.cartesia;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A recipient's {@code status} as the API sent it: the known {@link Kind} and the raw text.
 * Before dispatch it is the queue state, after dispatch the state of the latest attempt.
 */
public record RecipientStatus(Kind kind, String raw) {

    public enum Kind {
        QUEUED, DISPATCHED, STARTED, COMPLETED, FAILED, CANCELLED, UNKNOWN
    }

    public static final RecipientStatus QUEUED = new RecipientStatus(Kind.QUEUED, "queued");
    public static final RecipientStatus DISPATCHED = new RecipientStatus(Kind.DISPATCHED, "dispatched");
    public static final RecipientStatus STARTED = new RecipientStatus(Kind.STARTED, "started");
    public static final RecipientStatus COMPLETED = new RecipientStatus(Kind.COMPLETED, "completed");
    public static final RecipientStatus FAILED = new RecipientStatus(Kind.FAILED, "failed");
    public static final RecipientStatus CANCELLED = new RecipientStatus(Kind.CANCELLED, "cancelled");

    @JsonCreator
    public static RecipientStatus of(String raw) {
        return new RecipientStatus(WireValue.kindOf(Kind.class, raw, Kind.UNKNOWN), raw);
    }

    /** The latest attempt reached an end: the recipient will not change again unless retried. */
    public boolean isFinal() {
        return kind == Kind.COMPLETED || kind == Kind.FAILED || kind == Kind.CANCELLED;
    }

    @JsonValue
    @Override
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return raw;
    }
}
