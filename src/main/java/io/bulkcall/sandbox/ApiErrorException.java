package io.bulkcall.sandbox;

/**
 * A request the stand-in refuses, with the HTTP status and the fields of Cartesia's error body.
 * Thrown anywhere below the HTTP handler, which turns it into the answer.
 */
final class ApiErrorException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String title;

    ApiErrorException(int status, String errorCode, String title, String message) {
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
