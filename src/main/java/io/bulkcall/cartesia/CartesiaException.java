package io.bulkcall.cartesia;

import java.util.Optional;

/**
 * Any failure talking to Cartesia. Messages name the operation and never contain the API key.
 */
public class CartesiaException extends RuntimeException {

    public CartesiaException(String message) {
        super(message);
    }

    public CartesiaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The recipient of a Create Call Batch that this refusal names; empty for any other failure. */
    public Optional<RefusedRecipient> refusedRecipient() {
        return Optional.empty();
    }
}
