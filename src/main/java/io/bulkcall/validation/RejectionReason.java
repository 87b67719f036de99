package io.bulkcall.validation;

/** Why a row of an input file is not dialed; each rejected row has exactly one. */
public enum RejectionReason {

    /** The number cell is empty. */
    MISSING_NUMBER,

    /** The number cell holds something that is not a valid phone number, or a number a spreadsheet damaged. */
    INVALID_NUMBER,

    /** The same number, in whatever format, was accepted on an earlier line of the file. */
    DUPLICATE,

    /** The number is on the do-not-call list: a suppression, not bad data. */
    DO_NOT_CALL,

    /** The row itself is broken: wrong column count or broken quoting. */
    MALFORMED_ROW,

    /**
     * Its time zones share no calling time, its zone cannot be told and no default is set, or its
     * {@code time_zone} cell is not a zone.
     */
    NO_CALLING_WINDOW,

    /**
     * The number was dialed as often as {@code bulkcall.contact-policy.*} allows within its period,
     * by any job: a suppression, not bad data.
     */
    CONTACT_LIMIT,

    /**
     * Under {@code Cartesia-Version 2026-08-14}, the row's {@code dynamic_variables} would take more than
     * Cartesia's 16 KiB of JSON: bad data.
     */
    VARIABLES_TOO_LARGE;

    /**
     * Whether the row was left out by choice (do-not-call, contact limit) rather than for bad data:
     * suppressions do not count toward {@code bulkcall.validation.max-reject-ratio}.
     */
    public boolean isSuppression() {
        return this == DO_NOT_CALL || this == CONTACT_LIMIT;
    }
}
