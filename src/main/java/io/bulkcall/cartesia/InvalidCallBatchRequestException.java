package io.bulkcall.cartesia;

/**
 * A Create Call Batch request that breaks one of the API reference's rules, caught before it is
 * sent. The message names the field and the offending value.
 */
class InvalidCallBatchRequestException extends CartesiaException {

    public InvalidCallBatchRequestException(String field, Object value, String rule) {
        super("invalid call batch request: " + field + "=" + value + " " + rule);
    }
}
