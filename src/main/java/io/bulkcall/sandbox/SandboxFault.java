package io.bulkcall.sandbox;

/**
 * A fault a {@link SandboxServer} can inject into one request, at random
 * ({@link SandboxSettings#faultRate()}, {@link SandboxSettings#lostResponseRate()}) or as planned
 * by a test ({@link SandboxServer#planFault(SandboxEndpoint, SandboxFault)}).
 */
public enum SandboxFault {

    /** 500, request not applied. */
    INTERNAL_ERROR(500, "internal_error", "Internal Server Error"),

    /** 503, request not applied. */
    SERVICE_UNAVAILABLE(503, "service_unavailable", "Service Unavailable"),

    /** 429 with {@code Retry-After: 0} and error_code {@code concurrency_limited}, request not applied. */
    CONCURRENCY_LIMITED(429, "concurrency_limited", "Too many concurrent requests"),

    /**
     * The request is applied, then the connection is closed without a response: the client cannot
     * tell whether it happened.
     */
    LOST_RESPONSE(0, null, null);

    private final int status;
    private final String errorCode;
    private final String title;

    SandboxFault(int status, String errorCode, String title) {
        this.status = status;
        this.errorCode = errorCode;
        this.title = title;
    }

    /** Whether the fault answers with an error instead of applying the request. */
    boolean answersWithError() {
        return this != LOST_RESPONSE;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    String title() {
        return title;
    }
}
