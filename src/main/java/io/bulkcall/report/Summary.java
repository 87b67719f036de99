package io.bulkcall.report;

import java.time.Instant;
import java.util.Map;

/**
 * The content of {@code summary.json}: what became of a file's rows, in counts.
 *
 * @param rows data rows of the input (accepted + rejected)
 * @param rejected rejected rows by reason
 * @param calls staged recipients by final status
 * @param timeZones staged recipients by the zones of their calling window ({@code none} with windows off)
 * @param retryRounds Retry Call Batch rounds that were opened
 * @param durationSeconds from the job's first start to the end of this report
 */
record Summary(
        String file,
        String sha256,
        long jobInstanceId,
        long jobExecutionId,
        long rows,
        long accepted,
        long rejectedTotal,
        Map<String, Long> rejected,
        int batches,
        Map<String, Long> calls,
        Map<String, Long> timeZones,
        int retryRounds,
        Instant startedAt,
        Instant finishedAt,
        double durationSeconds,
        String resultsCsv,
        String rejectedCsv) {
}
