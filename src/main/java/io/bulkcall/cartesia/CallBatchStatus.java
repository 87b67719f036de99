package io.bulkcall.cartesia;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A batch's {@code status} as the API sent it: the known {@link Kind} and the raw text, kept so
 * that a value added by Cartesia later still shows up verbatim in reports.
 */
public record CallBatchStatus(Kind kind, String raw) {

    public enum Kind {
        PENDING, IN_PROGRESS, COMPLETED, CANCELLED, FAILED, UNKNOWN
    }

    public static final CallBatchStatus PENDING = new CallBatchStatus(Kind.PENDING, "pending");
    public static final CallBatchStatus IN_PROGRESS = new CallBatchStatus(Kind.IN_PROGRESS, "in_progress");
    public static final CallBatchStatus COMPLETED = new CallBatchStatus(Kind.COMPLETED, "completed");
    public static final CallBatchStatus CANCELLED = new CallBatchStatus(Kind.CANCELLED, "cancelled");
    public static final CallBatchStatus FAILED = new CallBatchStatus(Kind.FAILED, "failed");

    @JsonCreator
    public static CallBatchStatus of(String raw) {
        return new CallBatchStatus(WireValue.kindOf(Kind.class, raw, Kind.UNKNOWN), raw);
    }

    /** No more calls of the batch will be dispatched (it may still have calls in flight). */
    public boolean isDispatchOver() {
        return kind == Kind.COMPLETED || kind == Kind.CANCELLED || kind == Kind.FAILED;
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
