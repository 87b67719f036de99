package io.bulkcall.cartesia;

import io.bulkcall.cartesia.RetryPolicy.Resend;

/**
 * One call of the API as messages and the retry policy see it.
 *
 * @param name what an operator reads in a message, e.g. {@code Get Call Batch acb_123}
 * @param resend whether the request may be sent again after an answer was lost
 * @param reconcileKey for a request that must not be re-sent blindly: what identifies it when
 *        reconciling (the batch name for a create, the batch id for a retry)
 * @param reconcileAdvice for such a request: how to find out whether it took effect
 */
record Operation(String name, Resend resend, String reconcileKey, String reconcileAdvice) {

    /** A request that has the same effect however often it is sent. */
    static Operation idempotent(String name) {
        return new Operation(name, Resend.SAFE, null, null);
    }

    /** A request that is re-sent only when it surely never reached Cartesia. */
    static Operation unrepeatable(String name, String reconcileKey, String reconcileAdvice) {
        return new Operation(name, Resend.ONLY_IF_UNSENT, reconcileKey, reconcileAdvice);
    }

    OutcomeUnknownException outcomeUnknown(Failure failure) {
        return new OutcomeUnknownException(
                name + ": outcome unknown (" + failure.why() + "); " + reconcileAdvice, reconcileKey, failure.cause());
    }
}
