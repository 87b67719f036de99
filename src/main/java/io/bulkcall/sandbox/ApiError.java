package io.bulkcall.sandbox;

/**
 * The errors the stand-in answers with, as Cartesia's error body names them: the refusals of a
 * request and the faults a {@link SandboxFault} injects alike.
 */
enum ApiError {

    BAD_REQUEST(400, "invalid_request", "Bad Request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    NOT_FOUND(404, "not_found", "Not Found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "Method Not Allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "Unsupported Media Type"),
    /** The error body Cartesia shows with status 429 in its error documentation. */
    CONCURRENCY_LIMITED(429, "concurrency_limited", "Too many concurrent requests"),
    INTERNAL_ERROR(500, "internal_error", "Internal Server Error"),
    SERVICE_UNAVAILABLE(503, "service_unavailable", "Service Unavailable");

    final int status;
    final String errorCode;
    final String title;

    ApiError(int status, String errorCode, String title) {
        this.status = status;
        this.errorCode = errorCode;
        this.title = title;
    }

    /** This error, to be thrown anywhere below the HTTP handler, which turns it into the answer. */
    ApiErrorException exception(String message) {
        return new ApiErrorException(this, message);
    }
}
