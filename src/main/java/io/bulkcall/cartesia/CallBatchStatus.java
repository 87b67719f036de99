package io.bulkcall.cartesia;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A batch's {@code status} as the API sent it; a value added by Cartesia later has the kind
 * {@link Kind#UNKNOWN} and still shows up verbatim in reports. Immutable and thread-safe.
 */
public final class CallBatchStatus extends WireStatus<CallBatchStatus.Kind> {

    public enum Kind {
        PENDING, IN_PROGRESS, COMPLETED, CANCELLED, FAILED, UNKNOWN
    }

    public static final CallBatchStatus PENDING = of("pending");
    public static final CallBatchStatus IN_PROGRESS = of("in_progress");
    public static final CallBatchStatus COMPLETED = of("completed");
    public static final CallBatchStatus CANCELLED = of("cancelled");
    public static final CallBatchStatus FAILED = of("failed");

    private CallBatchStatus(String raw) {
        super(Kind.class, Kind.UNKNOWN, raw);
    }

    @JsonCreator
    public static CallBatchStatus of(String raw) {
        return new CallBatchStatus(raw);
    }

    /** No more calls of the batch will be dispatched (it may still have calls in flight). */
    public boolean isDispatchOver() {
        return kind() == Kind.COMPLETED || kind() == Kind.CANCELLED || kind() == Kind.FAILED;
    }
}
