package io.bulkcall.validation;

import java.util.Optional;

/**
 * The rule that keeps a broken file from being dialed at all: no valid row, or more rows rejected as
 * bad data than {@code bulkcall.validation.max-reject-ratio} allows. Suppressions (a number on the
 * do-not-call list, or at its contact limit) are not bad data and do not count. One rule for the job's
 * decision and for {@code bulkcall validate}'s verdict. Immutable.
 *
 * @param maxRatio the share of rows that may be bad data
 */
public record RejectRatio(double maxRatio) {

    /** Why a file with these counts is not dialed, in words for the operator; empty when it is. */
    public Optional<String> whyNotDialed(RowTally tally) {
        if (tally.accepted() == 0) {
            return Optional.of(tally.rows() == 0 ? "it has no data rows"
                    : tally.rows() == 1 ? "its one row is not valid" : "none of its " + tally.rows() + " rows is valid");
        }
        if (tally.bad() > maxRatio * tally.rows()) {
            return Optional.of("%d of its %d rows %s rejected (%.1f%%, above bulkcall.validation.max-reject-ratio=%s)"
                .formatted(tally.bad(), tally.rows(), tally.bad() == 1 ? "was" : "were", 100.0 * tally.bad() / tally.rows(),
                        maxRatio));
        }
        return Optional.empty();
    }
}
