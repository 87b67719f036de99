package io.bulkcall.cartesia;

import java.util.Optional;

/**
 * Cartesia answered with an error status. Carries the documented error body
 * ({@code error_code}, {@code title}, {@code message}, {@code request_id}) when there was one.
 */
class CartesiaApiException extends CartesiaException {

    private final int status;
    private final String errorCode;
    private final String title;
    private final String apiMessage;
    private final String requestId;

    public CartesiaApiException(String operation, int status, String errorCode, String title, String apiMessage,
            String requestId) {
        super(describe(operation, status, errorCode, title, apiMessage, requestId));
        this.status = status;
        this.errorCode = errorCode;
        this.title = title;
        this.apiMessage = apiMessage;
        this.requestId = requestId;
    }

    private static String describe(String operation, int status, String errorCode, String title, String apiMessage,
            String requestId) {
        StringBuilder text = new StringBuilder(operation).append(" failed: Cartesia answered ").append(status);
        if (title != null && !title.isBlank()) {
            text.append(' ').append(title);
        }
        if (apiMessage != null && !apiMessage.isBlank()) {
            text.append(": ").append(apiMessage);
        }
        if (errorCode != null && !errorCode.isBlank()) {
            text.append(" (error_code ").append(errorCode);
            text.append(requestId == null ? ")" : ", request_id " + requestId + ")");
        }
        else if (requestId != null) {
            text.append(" (request_id ").append(requestId).append(')');
        }
        if (status == 401 || status == 403) {
            text.append("; check CARTESIA_API_KEY");
        }
        return text.toString();
    }

    /** The recipient a 400 names, as Cartesia's message does ({@code recipients[3]...}). */
    @Override
    public Optional<RefusedRecipient> refusedRecipient() {
        return status == 400 ? RefusedRecipient.in(apiMessage) : Optional.empty();
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String title() {
        return title;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public String requestId() {
        return requestId;
    }
}
