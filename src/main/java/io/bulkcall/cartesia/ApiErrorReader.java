package io.bulkcall.cartesia;

import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an error answer into a {@link CartesiaApiException}: the documented JSON body
 * ({@code error_code}, {@code title}, {@code message}, {@code request_id}) when there is one, else
 * the text as the message (older API versions and proxies answer in plain text or HTML), else the
 * status's reason phrase alone. Thread-safe.
 */
final class ApiErrorReader {

    private static final int MAX_TEXT_LENGTH = 300;

    private final JsonMapper json;

    ApiErrorReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param body the answer's body, already cleared of anything secret
     */
    CartesiaApiException read(String operation, int status, String body) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? null : known.getReasonPhrase();
        ErrorBody error = parse(body);
        if (error != null) {
            return new CartesiaApiException(operation, status, error.errorCode(),
                    error.title() == null ? reason : error.title(), error.message(), error.requestId());
        }
        return new CartesiaApiException(operation, status, null, reason, shorten(body), null);
    }

    private ErrorBody parse(String body) {
        if (!body.strip().startsWith("{")) {
            return null;
        }
        try {
            ErrorBody error = json.readValue(body, ErrorBody.class);
            boolean documented = error.errorCode() != null || error.title() != null || error.message() != null;
            return documented ? error : null;
        }
        catch (JacksonException notTheDocumentedBody) {
            return null;
        }
    }

    private static String shorten(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "…";
    }

    /** The error body of {@code Cartesia-Version} 2026-03-01 and later. */
    record ErrorBody(String errorCode, String title, String message, String requestId) {
    }
}
