package io.bulkcall.cartesia;

import java.util.Optional;

/**
 * A Create Call Batch request that breaks one of the API reference's rules, caught before it is
 * sent. The message names the field and the offending value.
 */
class InvalidCallBatchRequestException extends CartesiaException {

    private final String field;

    InvalidCallBatchRequestException(String field, Object value, String rule) {
        this(field, field + "=" + value + " " + rule);
    }

    /** A rule broken by a field whose value stays out of the message: a recipient's personal data. */
    static InvalidCallBatchRequestException of(String field, String rule) {
        return new InvalidCallBatchRequestException(field, field + " " + rule);
    }

    private InvalidCallBatchRequestException(String field, String problem) {
        super("invalid call batch request: " + problem);
        this.field = field;
    }

    @Override
    public Optional<RefusedRecipient> refusedRecipient() {
        return RefusedRecipient.in(field);
    }
}
