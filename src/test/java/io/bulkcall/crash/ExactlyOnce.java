package io.bulkcall.crash;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.bulkcall.report.ReportFolder;
import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.CsvFiles;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exactly-once promise, checked against what the sandbox Cartesia holds and what the reports
 * say, never against bulkcall's own account of what it sent.
 */
final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /** Every valid number is in exactly one created batch, and no batch name was created twice. */
    static void assertEveryValidNumberInExactlyOneCreatedBatch(SandboxServer sandbox, CallList... inputs) {
        List<String> valid = Stream.of(inputs).flatMap(input -> input.validNumbers().stream()).toList();
        List<String> sent = sandbox.createdToNumbers();
        assertThat(repeated(sandbox.batches().stream().map(CallBatchSnapshot::name).toList()))
            .as("call batches created twice under one name").isEmpty();
        assertThat(repeated(sent)).as("numbers sent to Cartesia more than once").isEmpty();
        assertThat(new HashSet<>(sent)).as("numbers sent to Cartesia").isEqualTo(new HashSet<>(valid));
    }

    /** Each data row of the input is in exactly one of results.csv and rejected.csv. */
    static void assertEveryRowInExactlyOneReport(Path reports, CallList input) {
        List<String> lines = Stream.of(ReportFolder.RESULTS_CSV, ReportFolder.REJECTED_CSV)
            .flatMap(report -> CsvFiles.records(reports.resolve(report)).stream())
            .map(row -> row.get("line"))
            .toList();
        assertThat(repeated(lines)).as("rows in both reports, or twice in one").isEmpty();
        assertThat(new HashSet<>(lines)).as("rows reported")
            .isEqualTo(LongStream.rangeClosed(2, input.dataRows() + 1L)
                .mapToObj(Long::toString)
                .collect(Collectors.toSet()));
    }

    /**
     * No Retry Call Batch took effect twice: each batch's {@code retry_count} on Cartesia equals the
     * retries its recipients' {@code attempts} show in results.csv, and as many retry requests were
     * applied as the batches count.
     */
    static void assertEachRetryAppliedOnce(SandboxServer sandbox, Path reports, long retryRequestsApplied) {
        Map<String, Integer> attemptsByBatch = CsvFiles.records(reports.resolve(ReportFolder.RESULTS_CSV))
            .stream()
            .collect(Collectors.toMap(row -> row.get("batch_id"), ExactlyOnce::attempts, Math::max));
        List<CallBatchSnapshot> batches = sandbox.batches();
        assertThat(batches).allSatisfy(batch -> assertThat(batch.retryCount())
            .as("retry_count of %s against the attempts reported for its recipients", batch.name())
            .isEqualTo(attemptsByBatch.get(batch.id()) - 1));
        assertThat(retryRequestsApplied).as("Retry Call Batch requests applied")
            .isEqualTo(batches.stream().mapToLong(CallBatchSnapshot::retryCount).sum());
    }

    private static int attempts(CSVRecord row) {
        return Integer.parseInt(row.get("attempts"));
    }

    private static List<String> repeated(Collection<String> values) {
        return values.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
            .entrySet()
            .stream()
            .filter(entry -> entry.getValue() > 1)
            .map(Map.Entry::getKey)
            .toList();
    }
}
