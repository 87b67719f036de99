package io.bulkcall.testing;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.RecipientSnapshot;
import io.bulkcall.sandbox.SandboxServer;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exactly-once promise, checked against what the sandbox Cartesia holds and what the reports
 * say, never against bulkcall's own account of what it sent: every valid recipient is dialed once per
 * round, and a number is in more than one created batch only where every earlier one cancelled it
 * before dialing it, or dialed it and failed before a redial round.
 */
public final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /**
     * Every valid number of the inputs was sent to Cartesia, no other; none was dialed more than once
     * per round; no batch name was created twice.
     *
     * @param rounds the redial rounds the job was allowed ({@code bulkcall.redial.rounds})
     */
    public static void assertEveryValidNumberDialedOncePerRound(SandboxServer sandbox, int rounds,
            Collection<String> validNumbers) {
        List<CallBatchSnapshot> batches = sandbox.batches();
        assertThat(repeated(batches.stream().map(CallBatchSnapshot::name).toList()))
            .as("call batches created twice under one name").isEmpty();
        Map<String, List<RecipientSnapshot>> sent = occurrences(batches);
        assertThat(sent.keySet()).as("numbers sent to Cartesia").isEqualTo(new HashSet<>(validNumbers));
        sent.forEach((number, inBatches) -> {
            // an earlier batch may have dialed it (a failure, a redial cancelled while queued): the sum counts those
            assertThat(inBatches.subList(0, inBatches.size() - 1))
                .as("%s in an earlier batch that neither cancelled it before its next dial nor failed it", number)
                .allSatisfy(earlier -> assertThat(earlier.status()).isIn("cancelled", "failed"));
            assertThat(inBatches.stream().mapToInt(RecipientSnapshot::attempts).sum())
                .as("dials of %s", number)
                .isBetween(1, 1 + rounds);
        });
    }

    /** As {@link #assertEveryValidNumberDialedOncePerRound} for the valid numbers of call lists. */
    public static void assertEveryValidNumberDialedOncePerRound(SandboxServer sandbox, int rounds, CallList... inputs) {
        assertEveryValidNumberDialedOncePerRound(sandbox, rounds,
                Stream.of(inputs).flatMap(input -> input.validNumbers().stream()).toList());
    }

    /** Each data row of the input is in exactly one of results.csv and rejected.csv. */
    public static void assertEveryRowInExactlyOneReport(Path reports, CallList input) {
        List<String> lines = Stream.of(ReportFolder.RESULTS_CSV, ReportFolder.REJECTED_CSV)
            .flatMap(report -> CsvFiles.records(reports.resolve(report)).stream())
            .map(row -> row.get("line"))
            .toList();
        assertThat(repeated(lines)).as("rows in both reports, or twice in one").isEmpty();
        assertThat(new HashSet<>(lines)).as("rows reported")
            .isEqualTo(java.util.stream.LongStream.rangeClosed(2, input.dataRows() + 1L)
                .mapToObj(Long::toString)
                .collect(Collectors.toSet()));
    }

    /**
     * No Retry Call Batch took effect twice, and the report counts the dials Cartesia made: as many
     * retry requests were applied as the batches count, and each number's {@code attempts} in
     * results.csv is how often Cartesia dialed it, over every batch it was in.
     */
    public static void assertEachRetryAppliedOnce(SandboxServer sandbox, Path reports, long retryRequestsApplied) {
        List<CallBatchSnapshot> batches = sandbox.batches();
        assertThat(retryRequestsApplied).as("Retry Call Batch requests applied")
            .isEqualTo(batches.stream().mapToLong(CallBatchSnapshot::retryCount).sum());
        Map<String, Integer> dials = occurrences(batches).entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> entry.getValue().stream().mapToInt(RecipientSnapshot::attempts).sum()));
        assertThat(CsvFiles.records(reports.resolve(ReportFolder.RESULTS_CSV))).allSatisfy(row -> assertThat(attempts(row))
            .as("attempts reported for %s", row.get("to_number"))
            .isEqualTo(dials.get(row.get("to_number"))));
    }

    private static Map<String, List<RecipientSnapshot>> occurrences(List<CallBatchSnapshot> batches) {
        return batches.stream()
            .flatMap(batch -> batch.recipients().stream())
            .collect(Collectors.groupingBy(RecipientSnapshot::toNumber, LinkedHashMap::new, Collectors.toList()));
    }

    private static int attempts(CSVRecord row) {
        return Integer.parseInt(row.get("attempts"));
    }

    private static List<String> repeated(Collection<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
            .entrySet()
            .stream()
            .filter(entry -> entry.getValue() > 1)
            .map(Map.Entry::getKey)
            .filter(seen::add)
            .toList();
    }
}
