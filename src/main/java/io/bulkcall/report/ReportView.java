package io.bulkcall.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.time.Durations;

/**
 * What {@code report.html} shows, section by section, for its template ({@code report/report.html.mustache}):
 * every value already in the words and figures the page prints (thousands separators, shares, bar widths,
 * times, labels), so the template only places them and the engine escapes them. Every count is a
 * {@link Count} that names where {@code summary.json} holds it. A section or table with nothing to show
 * is {@code null}, which the template turns into a sentence saying so. Immutable.
 *
 * @param statuses accepted recipients by latest status
 * @param endReasons accepted recipients by how their latest call ended
 * @param zoneGroups what became of each time-zone group, largest first
 * @param durations how long the calls lasted; {@code null} when no call has a start and an end
 * @param rejectedRows the first rejected rows; {@code null} when none was rejected
 */
record ReportView(Header header, FunnelSection funnel, NonEmpty<Share> statuses, NonEmpty<Share> endReasons,
        CallsOverTime callsOverTime, NonEmpty<ZoneGroupRow> zoneGroups, DurationTable durations, RedialRounds redials,
        RejectedRows rejectedRows, List<FileLine> files) {

    private static final Map<String, String> STATUS_BARS = Map.of("completed", "completed", "failed", "failed");

    ReportView {
        files = List.copyOf(files);
    }

    static ReportView of(JobReport report) {
        Summary summary = report.summary();
        return new ReportView(Header.of(summary), FunnelSection.of(summary),
                Share.of(summary.calls(), summary.accepted(), "calls", status -> STATUS_BARS.getOrDefault(status, "idle")),
                Share.of(summary.endReasons(), summary.accepted(), "end_reasons", reason -> "dialed"),
                CallsOverTime.of(report), ZoneGroupRow.of(summary.zoneGroups()), DurationTable.of(summary.callDurations()),
                RedialRounds.of(summary.redials()), RejectedRows.of(report),
                report.files().stream().map(FileLine::of).toList());
    }

    /**
     * Which file, which job, how it ended and when.
     *
     * @param note why the job ended so; {@code null} when it completed
     * @param firstCallAt {@code null} until a call started, as the two after it
     * @param sent the columns sent and the names they went under
     * @param notSent the columns kept away from Cartesia; {@code null} when none was
     */
    record Header(String file, String state, String note, String sha256, String jobExecutionId, String jobInstanceId,
            String startedAt, String writtenAt, String firstCallAt, String lastCallEndedAt, String firstBatchAt,
            String duration, String cartesiaVersion, String sentAs, String sent, String notSent) {

        static Header of(Summary summary) {
            return new Header(summary.file(), summary.state(), summary.note(), summary.sha256(),
                    String.valueOf(summary.jobExecutionId()), String.valueOf(summary.jobInstanceId()),
                    Formats.time(summary.startedAt()), Formats.time(summary.finishedAt()),
                    Formats.time(summary.firstCallAt()), Formats.time(summary.lastCallEndedAt()),
                    Formats.time(summary.firstBatchAt()),
                    Durations.human(Duration.ofMillis(Math.round(summary.durationSeconds() * 1000))),
                    summary.columns().cartesiaVersion(), summary.columns().sentAs(), sent(summary.columns()),
                    summary.columns().notSent().isEmpty() ? null : String.join(", ", summary.columns().notSent()));
        }

        private static String sent(Summary.Columns columns) {
            return columns.sent().isEmpty() ? "none"
                    : columns.sent()
                        .stream()
                        .map(column -> column.column().equals(column.name()) ? column.name()
                                : column.name() + " (from \u201c" + column.column() + "\u201d)")
                        .collect(Collectors.joining(", "));
        }
    }

    /**
     * From the file's rows to completed calls, and the rows left out on the way.
     *
     * @param badData rows rejected for their data, by reason
     * @param suppressed rows left out by choice (do-not-call, contact limit), by reason
     */
    record FunnelSection(List<Stage> stages, NonEmpty<Share> badData, NonEmpty<Share> suppressed, Count rejectedTotal,
            Count suppressedTotal) {

        FunnelSection {
            stages = List.copyOf(stages);
        }

        static FunnelSection of(Summary summary) {
            Funnel funnel = summary.funnel();
            long rows = funnel.rows();
            Map<String, Long> bad = Summary.badData(summary);
            return new FunnelSection(List.of(
                    Stage.of("Rows", "rows", rows, rows, "data rows of the file"),
                    Stage.of("Accepted", "accepted", funnel.accepted(), rows, "valid, staged to be called"),
                    Stage.of("Dialed", "dialed", funnel.dialed(), rows, "an attempt with an outcome"),
                    Stage.of("Connected", "connected", funnel.connected(), rows, "the latest call started, or completed"),
                    Stage.of("Completed", "completed", funnel.completed(), rows, "the latest call completed")),
                    Share.of(bad, summary.rows(), "rejected", reason -> "failed"),
                    Share.of(summary.suppressed(), summary.rows(), "rejected", reason -> "other"),
                    Count.of(summary.rejectedTotal(), "rejected_total"),
                    Count.of(summary.suppressedTotal(), "suppressed_total"));
        }
    }

    /**
     * One stage of the funnel, as a share of the file's rows.
     *
     * @param key the stage's key in {@code summary.json}, which is also its bar's colour
     */
    record Stage(String label, String key, String width, Count count, String percent, String hint) {

        static Stage of(String label, String key, long value, long rows, String hint) {
            return new Stage(label, key, Formats.width(value, rows), Count.of(value, "funnel", key),
                    Formats.percent(value, rows), hint);
        }
    }

    /**
     * One key of a count by key: its bar is as long as its share of the largest count, its percent is
     * its share of the whole.
     *
     * @param bar the bar's colour
     */
    record Share(String key, String bar, String width, Count count, String percent) {

        /** The counts at {@code /<field>/<key>} of {@code summary.json}; {@code null} when there are none. */
        static NonEmpty<Share> of(Map<String, Long> counts, long whole, String field, UnaryOperator<String> barOf) {
            long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            return NonEmpty.of(counts.entrySet().stream()
                .map(entry -> new Share(entry.getKey(), barOf.apply(entry.getKey()), Formats.width(entry.getValue(), most),
                        Count.of(entry.getValue(), field, entry.getKey()), Formats.percent(entry.getValue(), whole)))
                .toList());
        }
    }

    /**
     * When calls started and ended, over the calling windows.
     *
     * @param callingWindow the window in words; {@code null} when calling windows were off
     * @param chart {@code null} when no call batch was created: there is nothing to chart
     * @param hours the hours with a call started or ended; {@code null} while no call's times are known
     * @param lanesLeftOut how many time-zone groups have no lane, in words; {@code null} when every one has
     */
    record CallsOverTime(String callingWindow, ChartView chart, NonEmpty<HourRow> hours, String lanesLeftOut) {

        static CallsOverTime of(JobReport report) {
            List<HourlyCalls> hours = report.summary().callsPerHour();
            List<HourRow> rows = new ArrayList<>();
            for (int i = 0; i < hours.size(); i++) {
                HourlyCalls hour = hours.get(i);
                rows.add(new HourRow(Formats.time(hour.hour()).replace(":00:00 UTC", ":00"),
                        Count.of(hour.dispatched(), "calls_per_hour", i, "dispatched"),
                        Count.of(hour.finished(), "calls_per_hour", i, "finished")));
            }
            int leftOut = report.lanesLeftOut();
            return new CallsOverTime(report.callingWindow(),
                    report.chartSpan() == null ? null : ChartView.of(report.chartSpan(), hours, report.windowLanes()),
                    NonEmpty.of(rows), leftOut == 0 ? null
                            : leftOut == 1 ? "1 smaller time-zone group is" : leftOut + " smaller time-zone groups are");
        }
    }

    /** @param hour {@code 2026-11-25 15:00}, in UTC */
    record HourRow(String hour, Count started, Count ended) {
    }

    /**
     * One time-zone group, with a bar of its recipients: completed, failed, dialed with another outcome.
     *
     * @param zones its zones, {@code " | "} between them
     */
    record ZoneGroupRow(String zones, Count recipients, Count dialed, Count connected, Count completed, Count failed,
            Count notDialed, String completedWidth, String failedWidth, String otherWidth) {

        static NonEmpty<ZoneGroupRow> of(List<ZoneGroupOutcome> groups) {
            List<ZoneGroupRow> rows = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                ZoneGroupOutcome group = groups.get(i);
                long otherDialed = group.dialed() - group.completed() - group.failed();
                rows.add(new ZoneGroupRow(group.zones().replace("|", " | "),
                        Count.of(group.recipients(), "zone_groups", i, "recipients"),
                        Count.of(group.dialed(), "zone_groups", i, "dialed"),
                        Count.of(group.connected(), "zone_groups", i, "connected"),
                        Count.of(group.completed(), "zone_groups", i, "completed"),
                        Count.of(group.failed(), "zone_groups", i, "failed"),
                        Count.of(group.notDialed(), "zone_groups", i, "not_dialed"),
                        Formats.width(group.completed(), group.recipients()),
                        Formats.width(group.failed(), group.recipients()),
                        Formats.width(otherDialed, group.recipients())));
            }
            return NonEmpty.of(rows);
        }
    }

    /**
     * How long the calls lasted, and how many fall in each range.
     *
     * @param mean {@code 4 min 50 s}
     */
    record DurationTable(Count calls, String mean, String longest, List<Bucket> buckets) {

        DurationTable {
            buckets = List.copyOf(buckets);
        }

        /** {@code null} when no call has both a start and an end. */
        static DurationTable of(CallDurations durations) {
            if (durations.calls() == 0) {
                return null;
            }
            long most = durations.buckets().stream().mapToLong(DurationBucket::calls).max().orElse(0);
            List<Bucket> buckets = new ArrayList<>();
            for (int i = 0; i < durations.buckets().size(); i++) {
                DurationBucket bucket = durations.buckets().get(i);
                buckets.add(new Bucket(bucket.label(), Formats.width(bucket.calls(), most),
                        Count.of(bucket.calls(), "call_durations", "buckets", i, "calls")));
            }
            return new DurationTable(Count.of(durations.calls(), "call_durations", "calls"),
                    seconds(durations.meanSeconds()), seconds(durations.maxSeconds()), buckets);
        }

        private static String seconds(double seconds) {
            return seconds < 60 ? String.format(Locale.ENGLISH, "%.1f s", seconds)
                    : String.format(Locale.ENGLISH, "%d min %02d s", (long) seconds / 60, Math.round(seconds) % 60);
        }
    }

    /** @param label the range in words, {@code 1–2 min} */
    record Bucket(String label, String width, Count count) {
    }

    /**
     * The redial rounds, and how often recipients were dialed.
     *
     * @param rounds the batches of each round; {@code null} when no batch was created
     */
    record RedialRounds(Count roundsOpened, Count retryRequests, NonEmpty<Round> rounds, List<Dials> byDials,
            NonEmpty<ByOutcome> byOutcome) {

        RedialRounds {
            byDials = List.copyOf(byDials);
        }

        static RedialRounds of(Redials redials) {
            List<Round> rounds = new ArrayList<>();
            for (int i = 0; i < redials.rounds().size(); i++) {
                RedialRoundCount round = redials.rounds().get(i);
                rounds.add(new Round(round.round() == 0 ? "first pass" : "round " + round.round(),
                        Count.of(round.batches(), "redials", "rounds", i, "batches"),
                        Count.of(round.recipients(), "redials", "rounds", i, "recipients"),
                        Count.of(round.retries(), "redials", "rounds", i, "retries")));
            }
            List<Dials> byDials = redials.recipientsByDials().entrySet().stream()
                .map(dials -> new Dials(dials.getKey() == 1 ? "dialed once"
                        : dials.getKey() == 0 ? "never dialed" : "dialed " + dials.getKey() + " times",
                        Count.of(dials.getValue(), "redials", "recipients_by_dials", dials.getKey())))
                .toList();
            List<ByOutcome> byOutcome = new ArrayList<>();
            for (int i = 0; i < redials.byOutcome().size(); i++) {
                RedialOutcomeCount count = redials.byOutcome().get(i);
                byOutcome.add(new ByOutcome("round " + count.round(), count.outcome(),
                        Count.of(count.recipients(), "redials", "by_outcome", i, "recipients")));
            }
            return new RedialRounds(Count.of(redials.roundsOpened(), "redials", "rounds_opened"),
                    Count.of(redials.retryRequests(), "redials", "retry_requests"), NonEmpty.of(rounds), byDials,
                    NonEmpty.of(byOutcome));
        }
    }

    /** @param round {@code round 1}, ... */
    record ByOutcome(String round, String outcome, Count recipients) {
    }

    /** @param name {@code first pass}, {@code round 1}, ... */
    record Round(String name, Count batches, Count recipients, Count retries) {
    }

    /** @param label {@code dialed once}, {@code dialed 2 times}, ... */
    record Dials(String label, Count count) {
    }

    /**
     * The first rows of {@code rejected.csv}, as written there.
     *
     * @param shown how many of them the page shows
     * @param csv where all of them are
     */
    record RejectedRows(String shown, Count total, String csv, List<RejectedRowSample> rows) {

        RejectedRows {
            rows = List.copyOf(rows);
        }

        /** {@code null} when there is no rejected row to show. */
        static RejectedRows of(JobReport report) {
            Summary summary = report.summary();
            return report.rejectedShown().isEmpty() ? null
                    : new RejectedRows(String.valueOf(report.rejectedShown().size()),
                            Count.of(summary.rejectedTotal(), "rejected_total"), summary.rejectedCsv(),
                            report.rejectedShown());
        }
    }

    /**
     * One of the job's report files.
     *
     * @param notWritten why it is not there; {@code null} when it is
     */
    record FileLine(String path, String what, String notWritten) {

        static FileLine of(ReportFile file) {
            String notWritten = file.path().getFileName().toString().equals(ReportFolder.RESULTS_CSV)
                    ? "it is written once the job completes" : "nothing to write";
            return new FileLine(file.path().toString(), file.what(), file.written() ? null : notWritten);
        }
    }
}
