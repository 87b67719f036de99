package io.bulkcall.cartesia;

/**
 * A Create or Retry Call Batch whose outcome is unknown: the request may have reached Cartesia
 * (timeout after it was written, connection reset, 5xx). It must not be sent again blindly; the
 * caller reconciles it by {@link #batchName() name} (create) or {@code retry_count} (retry) first.
 */
class OutcomeUnknownException extends CartesiaException {

    private final String batchName;

    public OutcomeUnknownException(String message, String batchName, Throwable cause) {
        super(message, cause);
        this.batchName = batchName;
    }

    /** The name of the batch whose create (or retry) may or may not have happened. */
    public String batchName() {
        return batchName;
    }
}
