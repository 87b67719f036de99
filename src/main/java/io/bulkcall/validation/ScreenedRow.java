package io.bulkcall.validation;

/**
 * A data row of an input file after screening: either a recipient to dial or a rejected row.
 * Every data row becomes exactly one of the two.
 */
public sealed interface ScreenedRow permits AcceptedRecipient, RejectedRow {

    /** The 1-based physical line the row starts on. */
    long line();
}
