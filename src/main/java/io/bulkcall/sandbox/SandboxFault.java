package io.bulkcall.sandbox;

/**
 * A fault a {@link SandboxServer} can inject into one request, at random
 * ({@link SandboxSettings#faultRate()}, {@link SandboxSettings#lostResponseRate()}) or as planned
 * by a test ({@link SandboxServer#planFault(SandboxEndpoint, SandboxFault)}).
 */
public enum SandboxFault {

    /** 500, request not applied. */
    INTERNAL_ERROR(ApiError.INTERNAL_ERROR),

    /** 503, request not applied. */
    SERVICE_UNAVAILABLE(ApiError.SERVICE_UNAVAILABLE),

    /** 429 with {@code Retry-After: 0} and error_code {@code concurrency_limited}, request not applied. */
    CONCURRENCY_LIMITED(ApiError.CONCURRENCY_LIMITED),

    /**
     * The request is applied, then the connection is closed without a response: the client cannot
     * tell whether it happened.
     */
    LOST_RESPONSE(null);

    private final ApiError answer;

    SandboxFault(ApiError answer) {
        this.answer = answer;
    }

    /** Whether the fault answers with an error instead of applying the request. */
    boolean answersWithError() {
        return answer != null;
    }

    /** The error answered in place of applying the request; only for faults that {@link #answersWithError()}. */
    ApiErrorException answer() {
        return answer.exception("injected by the sandbox");
    }
}
