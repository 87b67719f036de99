package io.bulkcall.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bulkcall.validation.SentColumns;

/**
 * The content of {@code summary.json}, and every count {@code report.html} shows: what became of a
 * file's rows. Immutable.
 *
 * @param rows data rows of the input (accepted + rejected)
 * @param rejected rejected rows by reason, suppressions included
 * @param calls staged recipients by final status
 * @param timeZones staged recipients by the zones of their calling window ({@code none} with windows off)
 * @param retryRounds Retry Call Batch rounds that were opened
 * @param durationSeconds from the job's first start to the end of this report
 * @param resultsCsv where {@code results.csv} is; {@code null} when the job did not complete, as it is
 *        written only then
 * @param reportHtml where {@code report.html} is, the same counts for a person
 * @param state how the job ended: {@code COMPLETED}, {@code FAILED}, {@code STOPPED} (restartable) or
 *        {@code REJECTED} (by validation: nothing was dialed)
 * @param note why it ended so, in one line; {@code null} when it completed
 * @param suppressed the rejected rows left out by choice (do-not-call, contact limit), by reason
 * @param endReasons recipients by the {@code end_reason} of their latest call
 * @param callsPerHour calls started and ended per clock hour (UTC), hours without either left out
 * @param zoneGroups what became of each time-zone group, largest first
 * @param firstBatchAt when the first call batch was about to be created
 * @param firstCallAt when the first call started, as Cartesia gave it
 * @param lastCallEndedAt when the last call ended, as Cartesia gave it
 * @param columns what the file's columns became at Cartesia: names only, never a value
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
        String rejectedCsv,
        String reportHtml,
        String state,
        String note,
        long suppressedTotal,
        Map<String, Long> suppressed,
        Funnel funnel,
        Map<String, Long> endReasons,
        List<HourlyCalls> callsPerHour,
        CallDurations callDurations,
        List<ZoneGroupOutcome> zoneGroups,
        Redials redials,
        Instant firstBatchAt,
        Instant firstCallAt,
        Instant lastCallEndedAt,
        Columns columns) {

    /**
     * The rows rejected for bad data, by reason: every rejection but the suppressions (do-not-call,
     * contact limit). Static, so that it is no property of {@code summary.json}.
     */
    static Map<String, Long> badData(Summary summary) {
        Map<String, Long> bad = new LinkedHashMap<>(summary.rejected());
        bad.keySet().removeAll(summary.suppressed().keySet());
        return bad;
    }

    /**
     * @param cartesiaVersion the {@code Cartesia-Version} the columns were sent under
     * @param sentAs the recipient field they went to: {@code metadata} or {@code dynamic_variables}
     * @param sent each column sent, with the name it was sent under
     * @param notSent the columns kept away from Cartesia ({@code bulkcall.columns.not-sent})
     */
    record Columns(String cartesiaVersion, String sentAs, List<SentColumn> sent, List<String> notSent) {

        static Columns of(SentColumns columns) {
            return new Columns(columns.version().header(), columns.version().recipientField(),
                    columns.sent().stream().map(column -> new SentColumn(column.header(), column.name())).toList(),
                    columns.notSent());
        }
    }

    /** A column sent: its header in the file, and the name Cartesia got it under. */
    record SentColumn(String column, String name) {
    }
}
