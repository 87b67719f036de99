package io.bulkcall.cartesia;

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
}
