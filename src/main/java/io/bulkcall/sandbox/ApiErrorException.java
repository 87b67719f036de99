package io.bulkcall.sandbox;

import java.util.UUID;

/**
 * An {@link ApiError} with its message, thrown anywhere below the HTTP handler, which turns it into
 * the answer: the HTTP status and the fields of Cartesia's error body.
 */
final class ApiErrorException extends RuntimeException {

    private final ApiError error;

    ApiErrorException(ApiError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    int status() {
        return error.status;
    }

    /** The body to answer with, under a new request id. */
    WireFormat.ErrorBody body() {
        return new WireFormat.ErrorBody(error.errorCode, error.title, getMessage(), UUID.randomUUID());
    }
}
