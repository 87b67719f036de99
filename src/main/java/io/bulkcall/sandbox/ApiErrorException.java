package io.bulkcall.sandbox;

import java.util.UUID;

/**
 * An error the stand-in answers with: the HTTP status and the fields of Cartesia's error body.
 * Every error it can send is made by one of the factories here, the refusals of a request and the
 * faults a {@link SandboxFault} injects alike. Thrown anywhere below the HTTP handler, which turns
 * it into the answer.
 */
final class ApiErrorException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String title;

    private ApiErrorException(int status, String errorCode, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.title = title;
    }

    static ApiErrorException badRequest(String message) {
        return new ApiErrorException(400, "invalid_request", "Bad Request", message);
    }

    static ApiErrorException unauthorized(String message) {
        return new ApiErrorException(401, "unauthorized", "Unauthorized", message);
    }

    static ApiErrorException notFound(String message) {
        return new ApiErrorException(404, "not_found", "Not Found", message);
    }

    static ApiErrorException methodNotAllowed(String message) {
        return new ApiErrorException(405, "method_not_allowed", "Method Not Allowed", message);
    }

    static ApiErrorException unsupportedMediaType(String message) {
        return new ApiErrorException(415, "unsupported_media_type", "Unsupported Media Type", message);
    }

    /** The error body Cartesia shows with status 429 in its error documentation. */
    static ApiErrorException concurrencyLimited(String message) {
        return new ApiErrorException(429, "concurrency_limited", "Too many concurrent requests", message);
    }

    static ApiErrorException internalError(String message) {
        return new ApiErrorException(500, "internal_error", "Internal Server Error", message);
    }

    static ApiErrorException serviceUnavailable(String message) {
        return new ApiErrorException(503, "service_unavailable", "Service Unavailable", message);
    }

    int status() {
        return status;
    }

    /** The body to answer with, under a new request id. */
    WireFormat.ErrorBody body() {
        return new WireFormat.ErrorBody(errorCode, title, getMessage(), UUID.randomUUID());
    }
}
