package io.bulkcall.validation;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What validation made of a file's rows: how many are to be dialed, and the others by reason, with
 * suppressions (do-not-call, contact limit: left out by choice) kept apart from rows rejected as bad
 * data. Immutable.
 *
 * @param accepted the rows to dial
 * @param rejected the rows not dialed, by reason, suppressions included
 */
public record RowTally(long accepted, Map<RejectionReason, Long> rejected) {

    public RowTally {
        rejected = Map.copyOf(rejected);
    }

    public long rows() {
        return accepted + rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The rows rejected as bad data: what the reject ratio counts. */
    public long bad() {
        return sum(byKind(false));
    }

    public long suppressed() {
        return sum(byKind(true));
    }

    /** For a log line: {@code 32 rows, 29 valid, 3 rejected (INVALID_NUMBER 2, DUPLICATE 1), 6 suppressed (CONTACT_LIMIT 6)}. */
    public String describe() {
        return "%s, %d valid, %d rejected (%s)%s".formatted(Counts.of(rows(), "row"), accepted, bad(),
                Counts.describe(byKind(false)), suppressions(", "));
    }

    /** The reasons, for a line that gave the counts: {@code INVALID_NUMBER 2; 6 suppressed (CONTACT_LIMIT 6)}. */
    public String describeReasons() {
        return Counts.describe(byKind(false)) + suppressions("; ");
    }

    private String suppressions(String separator) {
        long suppressed = suppressed();
        return suppressed == 0 ? "" : "%s%d suppressed (%s)".formatted(separator, suppressed, Counts.describe(byKind(true)));
    }

    private Map<RejectionReason, Long> byKind(boolean suppressions) {
        return rejected.entrySet()
            .stream()
            .filter(entry -> entry.getKey().isSuppression() == suppressions)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum,
                    () -> new EnumMap<>(RejectionReason.class)));
    }

    private static long sum(Map<RejectionReason, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
