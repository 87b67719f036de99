package io.bulkcall.validation;

import java.util.Map;
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

    /**
     * Why a file with these counts is not dialed, in words for the operator; empty when it is.
     *
     * @param accepted the rows that would be dialed
     * @param rejected the rejected rows by reason
     */
    public Optional<String> whyNotDialed(long accepted, Map<RejectionReason, Long> rejected) {
        long rows = accepted + rejected.values().stream().mapToLong(Long::longValue).sum();
        long bad = rejected.entrySet()
            .stream()
            .filter(entry -> !entry.getKey().isSuppression())
            .mapToLong(Map.Entry::getValue)
            .sum();
        if (accepted == 0) {
            return Optional.of(rows == 0 ? "it has no data rows" : "none of its " + rows + " rows is valid");
        }
        if (bad > maxRatio * rows) {
            return Optional.of("%d of its %d rows were rejected (%.1f%%, above bulkcall.validation.max-reject-ratio=%s)"
                .formatted(bad, rows, 100.0 * bad / rows, maxRatio));
        }
        return Optional.empty();
    }
}
