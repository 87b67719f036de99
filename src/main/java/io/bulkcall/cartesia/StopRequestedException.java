package io.bulkcall.cartesia;

/**
 * A request not sent, not waited for or not tried again because the process was asked to stop
 * ({@link io.bulkcall.time.StopSignal}). Whatever the request was about is left as it was: a create
 * in doubt stays in doubt for the next run to settle.
 */
public class StopRequestedException extends CartesiaException {

    public StopRequestedException(String message, Throwable cause) {
        super(message, cause);
    }
}
